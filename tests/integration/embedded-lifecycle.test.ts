/**
 * The embedded Neo4j's lifetime: one started for `guanxi serve` ends with its parent however the
 * parent ends (SIGKILL here), so it cannot be orphaned holding the port and the store; one started
 * as a background service (`guanxi neo4j start`) outlives it; and a start that finds its own earlier
 * server on the data folder, even without a pid file, reuses it instead of failing on the port.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portAnswers, startEmbedded, stopEmbedded } from '../../server/src/neo4j/embedded.ts';

const EMBEDDED = fileURLToPath(new URL('../../server/src/neo4j/embedded.ts', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** A Node process that starts the server as guanxi would, prints its pid, then idles until killed. */
async function parentThatStarts(dataDir: string, port: number, exitWithParent: boolean) {
  const script = path.join(dataDir, `parent-${exitWithParent}.mts`);
  fs.writeFileSync(
    script,
    `import { startEmbedded } from ${JSON.stringify(EMBEDDED)};
const s = await startEmbedded({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, heapMb: 256, pageCacheMb: 32, exitWithParent: ${exitWithParent} });
console.log('PID ' + s.pid);
setInterval(() => {}, 1000);
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const match = /PID (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the parent exited (${code}) before the server was ready`)));
  });
  return { child, pid };
}

describe('embedded Neo4j lifecycle', () => {
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-lifecycle-'));
    port = 19687;
    while (await portAnswers(port, 200)) port++;
  });
  afterAll(async () => {
    await stopEmbedded({ dataDir }, 20_000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a background server outlives its parent, and is found and reused without its pid file', async () => {
    const { child, pid } = await parentThatStarts(dataDir, port, false);
    child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(alive(pid)).toBe(true);

    fs.rmSync(path.join(dataDir, 'neo4j.pid'));
    const again = await startEmbedded({ dataDir, port, heapMb: 256, pageCacheMb: 32, readyTimeoutMs: 20_000 });
    expect(again).toMatchObject({ started: false, pid, running: true });
    expect(await stopEmbedded({ dataDir }, 30_000)).toBe(true);
    expect(alive(pid)).toBe(false);
  });

  it("a server started for serve ends when its parent is killed, freeing the port", async () => {
    const { child, pid } = await parentThatStarts(dataDir, port, true);
    child.kill('SIGKILL');
    expect(await waitFor(() => !alive(pid), 45_000)).toBe(true);
    expect(await portAnswers(port)).toBe(false);
    // It shut down cleanly (the shutdown hook ran), not killed.
    expect(fs.readFileSync(path.join(dataDir, 'neo4j.log'), 'utf8')).toMatch(/PARENT GONE\s+STOPPING/);
  });
});
