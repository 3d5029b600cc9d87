import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Tests spawn `node server/bin/guanxi.js`, which runs the compiled server/dist and recompiles it when
 * the sources changed. Doing that once here keeps the compile out of the first spawning test's time
 * budget and out of a race between tests spawning the CLI at the same moment.
 */
export default function buildServer(): void {
  const build = fileURLToPath(new URL('../../server/bin/build.js', import.meta.url));
  const result = spawnSync(process.execPath, [build], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`compiling server/src failed (node server/bin/build.js, exit ${result.status})`);
}
