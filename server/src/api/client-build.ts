import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.ts';
import { CLIENT_DIST } from './server.ts';

const CLIENT = path.join(ROOT, 'client');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** `npm start` builds the explorer when its sources are newer than the last build, so it is never stale. */
export function buildClientIfStale(): void {
  const built = path.join(CLIENT_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(CLIENT, 'src')),
    fs.statSync(path.join(CLIENT, 'index.html')).mtimeMs,
    newestMtime(path.join(ROOT, 'shared', 'src')),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('building the explorer (vite build)…');
  // NODE_ENV as the caller's would leak in: under vitest it is `test`, and Vite then bundles
  // React's development build (1,144 KB instead of 920), which bench:ui later measured as is.
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'client'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('building the explorer failed (npm run build --workspace client)');
}
