import http from 'node:http';
import path from 'node:path';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga } from 'graphql-yoga';
import { ROOT } from '../config.ts';
import type { Graph } from '../graph/db.ts';
import { log } from '../log.ts';
import { securityHeaders } from './http/headers.ts';
import { createLoaders } from './loaders.ts';
import { useBodyLimit } from './plugins/body-limit.ts';
import { useIntrospectionOnlyInDevelopment } from './plugins/introspection.ts';
import { useJsonOnly } from './plugins/json-only.ts';
import { createMetrics } from './plugins/metrics.ts';
import { useQueryLimits } from './plugins/limits.ts';
import { useOperationLog } from './plugins/logging.ts';
import { useNeo4jReadiness } from './plugins/readiness.ts';
import { useSecurityHeaders } from './plugins/security-headers.ts';
import { useDatabaseErrors } from './plugins/database-errors.ts';
import { DEFAULT_SEARCH_LIMITS, type ApiContext, type SearchLimits } from './resolvers.ts';
import { schema } from './schema.ts';
import { serveStatic } from './static.ts';
import { createExportRoute, EXPORT_PATH } from './export-route.ts';

export interface ServerOptions {
  graph: Graph;
  /** GraphiQL at /graphql, introspection and field suggestions: development only. */
  graphiql: boolean;
  /** Folder of the built explorer; omitted, only the API is served. */
  clientDir?: string;
  /** Origins allowed to call the API from a browser; empty (the default) sends no CORS headers at all. */
  corsOrigins?: string[];
  search?: SearchLimits;
}

export const CLIENT_DIST = path.join(ROOT, 'client', 'dist');

/** The HTTP server: GraphQL at /graphql, /health and /ready, /metrics (plugins/metrics.ts), downloads at /export (export-route.ts), and the explorer's files. */
export function createServer({ graph, graphiql, clientDir, corsOrigins = [], search = DEFAULT_SEARCH_LIMITS }: ServerOptions): http.Server {
  const metrics = createMetrics(graph.driver);
  const yoga = createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphiql,
    landingPage: false,
    logging: false,
    cors: corsOrigins.length > 0 ? { origin: corsOrigins, credentials: false, methods: ['GET', 'POST'] } : false,
    context: () => ({ graph, loaders: createLoaders(graph), search }),
    // Bodies are capped by useBodyLimit below, from their Content-Length.
    maxRequestBodySize: false,
    plugins: [
      // Queries compiled to JavaScript once and kept (an LRU by document): graphql-js resolves each
      // field of each object through the schema, which cost ~170 ms on a hub's 6,500 edges.
      useGraphQlJit(),
      useJsonOnly(),
      useBodyLimit(),
      useSecurityHeaders({ graphiql }),
      useIntrospectionOnlyInDevelopment(graphiql),
      ...useQueryLimits({ suggestions: graphiql }),
      useNeo4jReadiness(graph),
      useDatabaseErrors(),
      useOperationLog(),
      metrics.plugin,
    ],
  });
  const files = clientDir ? serveStatic(clientDir) : undefined;
  const exportRoute = createExportRoute(graph);
  return http.createServer((req, res) => {
    try {
      if (metrics.handle(req, res)) return;
      const url = req.url ?? '/';
      if (url === EXPORT_PATH || url.startsWith(`${EXPORT_PATH}?`)) {
        exportRoute(req, res).catch((error: unknown) => failed(res, error));
        return;
      }
      const isApi = url.startsWith('/graphql') || url.startsWith('/health') || url.startsWith('/ready');
      if (!isApi && files?.(req, res)) return;
      Promise.resolve(yoga(req, res)).catch((error: unknown) => failed(res, error));
    } catch (error) {
      failed(res, error);
    }
  });
}

/** Whatever one request throws ends that request with a 500, never the process. */
function failed(res: http.ServerResponse, error: unknown): void {
  log.error({ err: error }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { ...securityHeaders({ csp: true }), 'content-type': 'text/plain; charset=utf-8' });
  res.end('Internal error.\n');
}
