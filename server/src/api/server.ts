import http from 'node:http';
import path from 'node:path';
import { createYoga } from 'graphql-yoga';
import { ROOT } from '../config.ts';
import type { Graph } from '../graph/db.ts';
import { createLoaders } from './loaders.ts';
import { useQueryLimits } from './plugins/limits.ts';
import { useOperationLog } from './plugins/logging.ts';
import { useNeo4jReadiness } from './plugins/readiness.ts';
import { useDatabaseErrors } from './plugins/database-errors.ts';
import type { ApiContext } from './resolvers.ts';
import { schema } from './schema.ts';
import { serveStatic } from './static.ts';

export interface ServerOptions {
  graph: Graph;
  /** GraphiQL at /graphql (development). */
  graphiql: boolean;
  /** Folder of the built explorer; omitted, only the API is served. */
  clientDir?: string;
}

export const CLIENT_DIST = path.join(ROOT, 'client', 'dist');

/** The HTTP server: GraphQL at /graphql, /health and /ready, and the explorer's files. */
export function createServer({ graph, graphiql, clientDir }: ServerOptions): http.Server {
  const yoga = createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphiql,
    landingPage: false,
    logging: false,
    context: () => ({ graph, loaders: createLoaders(graph) }),
    plugins: [...useQueryLimits(), useNeo4jReadiness(graph), useDatabaseErrors(), useOperationLog()],
  });
  const files = clientDir ? serveStatic(clientDir) : undefined;
  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    const isApi = url.startsWith('/graphql') || url.startsWith('/health') || url.startsWith('/ready');
    if (!isApi && files?.(req, res)) return;
    void yoga(req, res);
  });
}
