import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Two projects, both compiling the CLI first (tests/setup/build.ts) for the tests that spawn it:
 * `unit` needs nothing else; `integration` (and the browser test) gets a real Neo4j from
 * tests/setup/neo4j.ts — a private embedded server per run, or NEO4J_URI's server with a database
 * made for the run — and runs its files one at a time because they share that database.
 */
export default defineConfig({
  // Tests run @guanxi/shared's sources, not its compiled dist/ (see shared/package.json).
  ssr: { resolve: { conditions: ['guanxi-source', ...defaultServerConditions] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          globalSetup: ['tests/setup/build.ts'],
          include: ['tests/unit/**/*.test.ts', 'tests/extract/**/*.test.ts', 'tests/ingest/**/*.test.ts', 'tests/client/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          // Time budgets that hold on a loaded 2-core machine (the model load and the CLI spawns take
          // seconds there); a hang is still caught, and speed is measured by the benchmarks.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The explorer's React components in a simulated DOM (Testing Library); the API is a fetch stub.
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/setup/build.ts', 'tests/setup/neo4j.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
