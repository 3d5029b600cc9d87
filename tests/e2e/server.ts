/**
 * Where the browser test points: GUANXI_E2E_URL when set (any running guanxi, e.g. npm start),
 * otherwise a server started here on the test run's own Neo4j with the sample page imported,
 * like tests/integration/api.test.ts does, so `npm test` needs nothing running beforehand.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientIfStale } from '../../server/src/api/client-build.ts';
import { CLIENT_DIST, createServer } from '../../server/src/api/server.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { emptyDatabase, testGraph } from '../integration/graph.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'samples/gaoxin-2020-05.txt');
/** A few dated articles, so the time slicer has months to narrow. */
const DATED = path.join(ROOT, 'tests/fixtures/e2e/dated.jsonl');

export interface E2EServer {
  baseUrl: string;
  close: () => Promise<void>;
}

export async function startE2EServer(): Promise<E2EServer> {
  const external = process.env.GUANXI_E2E_URL;
  if (external) {
    const baseUrl = external.replace(/\/$/, '');
    const health = await fetch(`${baseUrl}/health`).catch((error: unknown) => error as Error);
    if (health instanceof Error || !health.ok) throw new Error(`GUANXI_E2E_URL=${baseUrl} does not answer /health`);
    return { baseUrl, close: async () => {} };
  }

  buildClientIfStale();
  const graph = await testGraph();
  await emptyDatabase(graph);
  await runImport(graph, readInputs([SAMPLE, DATED]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
  const server: http.Server = createServer({ graph, graphiql: false, clientDir: CLIENT_DIST });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emptyDatabase(graph);
      await graph.driver.close();
    },
  };
}
