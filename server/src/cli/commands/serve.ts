import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ROOT, loadConfig } from '../../config.ts';
import { CLIENT_DIST, createServer } from '../../api/server.ts';
import { buildClientIfStale } from '../../api/client-build.ts';
import { stats } from '../../graph/explore.ts';
import { applySchema } from '../../graph/store.ts';
import { readInputs } from '../../ingest/index.ts';
import { runImport } from '../../importer/run.ts';
import { connect } from '../../neo4j/connect.ts';
import { ExtractionPool } from '../../importer/pool.ts';

export const BUNDLED_SAMPLE = path.join(ROOT, 'samples', 'gaoxin-2020-05.txt');

interface ServeFlags {
  sample: boolean;
  dev?: boolean;
}

/**
 * `guanxi serve` (what `npm start` runs): Neo4j (embedded unless NEO4J_URI), schema, the bundled
 * sample when the database is empty, the explorer and the API on PORT. Ctrl-C stops all of it.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the explorer and the GraphQL API (starts the embedded Neo4j unless NEO4J_URI is set)')
    .option('--no-sample', 'do not import the bundled sample page into an empty database')
    .option('--dev', 'development mode: GraphiQL at /graphql, no client build')
    .action(async (flags: ServeFlags) => {
      const config = loadConfig();
      if (!flags.dev) buildClientIfStale();
      const connection = await connect(config, { ownEmbedded: true });
      const { graph } = connection;
      await applySchema(graph);
      if (flags.sample && (await stats(graph)).articles === 0) {
        const summary = await runImport(graph, readInputs([BUNDLED_SAMPLE]), new ExtractionPool({ workers: 0 }), {
          batchSize: 200,
          dryRun: false,
        });
        console.log(`imported the bundled sample: ${summary.written} articles`);
      }
      const server = createServer({
        // The API's reads end after GUANXI_QUERY_TIMEOUT_MS; the schema and sample import above do not.
        graph: graph.with({ readTimeoutMs: config.GUANXI_QUERY_TIMEOUT_MS }),
        graphiql: Boolean(flags.dev) || config.NODE_ENV === 'development' || config.GUANXI_GRAPHIQL === '1',
        clientDir: fs.existsSync(CLIENT_DIST) ? CLIENT_DIST : undefined,
        corsOrigins: listOf(config.GUANXI_CORS_ORIGINS),
        search: { maxChars: config.GUANXI_SEARCH_MAX_CHARS, maxTerms: config.GUANXI_SEARCH_MAX_TERMS },
      });
      server.listen(config.PORT, config.HOST, () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : config.PORT;
        const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
        console.log(`guanxi explorer on http://${shown}:${port}  (GraphQL: /graphql, Neo4j: ${connection.describe})`);
      });
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: stopping`);
        server.closeAllConnections();
        server.close();
        await connection.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}

const listOf = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);
