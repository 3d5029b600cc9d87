import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the CLI with a PATH that has no java or mvn, and a data folder of its own. */
function withoutJava(args: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-nojava-'));
  const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-nobin-'));
  try {
    return spawnSync(process.execPath, ['server/bin/guanxi.js', ...args], {
      encoding: 'utf8',
      env: { PATH: emptyBin, GUANXI_DATA_DIR: dataDir, GUANXI_NEO4J_PORT: '7' },
    });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(emptyBin, { recursive: true, force: true });
  }
}

// Each test starts the CLI (a fraction of a second when idle); the budget is for a loaded 2-core machine.
const CLI_TIMEOUT = 60_000;

describe('embedded Neo4j without Java', () => {
  it('says what to install or what to use instead, in one line, and exits 3', () => {
    const result = withoutJava(['neo4j', 'start']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/Java was not found/);
    expect(result.stderr).toMatch(/Java 17/);
    expect(result.stderr).toMatch(/docker compose up/);
    expect(result.stderr).toMatch(/NEO4J_URI/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, CLI_TIMEOUT);

  it('status reports "not running" with exit 3 rather than failing', () => {
    const result = withoutJava(['neo4j', 'status']);
    expect(result.status).toBe(3);
    expect(result.stdout).toMatch(/not running/);
  }, CLI_TIMEOUT);
});
