import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The types generated from the GraphQL schema are those of the schema as it is: `npm run codegen` after a change. */
describe('generated GraphQL types', () => {
  it('are up to date with server/src/api/schema*.graphql', () => {
    const result = spawnSync(process.execPath, [path.resolve('node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'codegen.ts', '--check'], {
      encoding: 'utf8',
    });
    expect(result.status, `${result.stdout}\n${result.stderr}\nrun: npm run codegen`).toBe(0);
  }, 60_000);
});
