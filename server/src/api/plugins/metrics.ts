import type http from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { securityHeaders } from '../http/headers.ts';

/**
 * Prometheus metrics at /metrics, on the API's own port. That port binds 127.0.0.1 unless HOST says
 * otherwise, and /metrics answers loopback clients only unless GUANXI_METRICS=all (a scraper in
 * another container); GUANXI_METRICS=0 turns it off (404, nothing counted). One registry per server:
 * tests run several servers in one process, and the global registry refuses a name twice.
 */
export interface Metrics {
  plugin: Plugin;
  /** Counts every HTTP request by route; answers /metrics itself, and then returns true. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  registry: Registry | null;
}

export type MetricsAccess = 'off' | 'loopback' | 'all';

export function metricsAccess(value = process.env.GUANXI_METRICS): MetricsAccess {
  if (value === '0' || value === 'false' || value === 'off') return 'off';
  return value === 'all' ? 'all' : 'loopback';
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(driver: Driver, access: MetricsAccess = metricsAccess()): Metrics {
  if (access === 'off') return { plugin: {}, handle: () => false, registry: null };
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'guanxi_' });
  const operations = new OperationNames();

  const graphqlRequests = new Counter({
    name: 'guanxi_graphql_requests_total',
    help: 'GraphQL requests by operation name (from the request; unnamed: anonymous; past 50 names: other)',
    labelNames: ['operation'],
    registers: [registry],
  });
  const graphqlDuration = new Histogram({
    name: 'guanxi_graphql_request_duration_seconds',
    help: 'Time from reading a GraphQL request\'s parameters to its result, by operation name',
    labelNames: ['operation'],
    buckets: SECONDS,
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'guanxi_graphql_errors_total',
    help: 'Errors in GraphQL results by extensions.code (GRAPHQL_PARSE_FAILED, BAD_USER_INPUT, QUERY_LIMIT_EXCEEDED …; UNCODED: none given)',
    labelNames: ['code'],
    registers: [registry],
  });
  // Each executing operation holds Neo4j sessions while its resolvers read; the driver has no public
  // count of those, so this is what the server itself knows to be in flight.
  const executing = new Gauge({
    name: 'guanxi_graphql_operations_in_flight',
    help: 'GraphQL operations executing now (their resolvers are what query Neo4j)',
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'guanxi_http_requests_total',
    help: 'HTTP requests by route (graphql, health, ready, metrics, static) and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'guanxi_http_request_duration_seconds',
    help: 'HTTP request time by route, until the response is finished',
    labelNames: ['route'],
    buckets: SECONDS,
    registers: [registry],
  });
  poolGauges(registry, driver);

  const started = new WeakMap<Request, { operation: string; at: number }>();
  const plugin: Plugin = {
    onParams({ params, request }) {
      started.set(request, { operation: operations.label(params.operationName), at: performance.now() });
    },
    // A request may leave operationName out and name its only operation in the document instead.
    onParse({ context }) {
      const start = started.get((context as { request: Request }).request);
      if (!start || start.operation !== 'anonymous') return;
      return ({ result }) => {
        const definitions = (result as { definitions?: readonly { kind: string; name?: { value: string } }[] }).definitions ?? [];
        const ops = definitions.filter((d) => d.kind === 'OperationDefinition');
        if (ops.length === 1) start.operation = operations.label(ops[0]!.name?.value);
      };
    },
    onExecute() {
      executing.inc();
      return { onExecuteDone: () => void executing.dec() };
    },
    onResultProcess({ request, result }) {
      const start = started.get(request);
      if (!start) return;
      started.delete(request);
      graphqlRequests.inc({ operation: start.operation });
      graphqlDuration.observe({ operation: start.operation }, (performance.now() - start.at) / 1000);
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: readonly { extensions?: Record<string, unknown> }[] } | undefined)?.errors ?? [];
        for (const error of errors) {
          const code = error.extensions?.code;
          graphqlErrors.inc({ code: typeof code === 'string' ? code.slice(0, 64) : 'UNCODED' });
        }
      }
    },
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const route = routeOf(req.url ?? '/');
    const stop = httpDuration.startTimer({ route });
    res.once('close', () => {
      stop();
      httpRequests.inc({ route, status: res.writableFinished ? String(res.statusCode) : 'aborted' });
    });
    if (route !== 'metrics') return false;
    for (const [name, value] of Object.entries(securityHeaders({ csp: true }))) res.setHeader(name, value);
    if (access === 'loopback' && !isLoopback(req.socket.remoteAddress)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics are for local scrapers; set GUANXI_METRICS=all to serve them to any client.\n');
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('GET only.\n');
    } else {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text),
        () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics failed.\n'),
      );
    }
    return true;
  };
  return { plugin, handle, registry };
}

function routeOf(url: string): string {
  const pathname = url.split('?', 1)[0]!;
  for (const route of ['graphql', 'health', 'ready', 'metrics']) if (pathname === `/${route}` || pathname.startsWith(`/${route}/`)) return route;
  return 'static';
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || !!address?.startsWith('127.');
}

/** Operation names come from clients: only plain names become labels, and only so many of them. */
class OperationNames {
  private readonly seen = new Set<string>();
  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= 50) return 'other';
    this.seen.add(name);
    return name;
  }
}

interface PoolShape {
  _maxSize?: number;
  _activeResourceCounts: Record<string, number>;
  _pools: Record<string, { length: number }>;
  _acquireRequests: Record<string, unknown[]>;
}

/**
 * The driver's connection pool, read at scrape time from its private fields (neo4j-driver 6 has no
 * public pool statistics). If a driver version moves them, these gauges report nothing and
 * guanxi_neo4j_pool_readable says 0, rather than report zeros that look true.
 */
function poolGauges(registry: Registry, driver: Driver): void {
  const pool = (): PoolShape | null => {
    const candidate = (driver as unknown as { _connectionProvider?: { _connectionPool?: unknown } | null })._connectionProvider?._connectionPool;
    if (!candidate || typeof candidate !== 'object') return null;
    const shape = candidate as Partial<PoolShape>;
    return shape._activeResourceCounts && shape._pools && shape._acquireRequests ? (shape as PoolShape) : null;
  };
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  new Gauge({
    name: 'guanxi_neo4j_pool_readable',
    help: '1 when the driver\'s pool could be read (private fields; 0 also before the first query opens it)',
    registers: [registry],
    collect() {
      this.set(pool() ? 1 : 0);
    },
  });
  new Gauge({
    name: 'guanxi_neo4j_pool_connections',
    help: 'Bolt connections of the driver\'s pool: in_use (checked out by a session) and idle',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      const p = pool();
      if (!p) return;
      this.set({ state: 'in_use' }, sum(Object.values(p._activeResourceCounts)));
      this.set({ state: 'idle' }, sum(Object.values(p._pools).map((single) => single.length)));
    },
  });
  new Gauge({
    name: 'guanxi_neo4j_pool_acquire_waiting',
    help: 'Sessions waiting for a pooled connection (the pool is at its maximum size)',
    registers: [registry],
    collect() {
      this.reset();
      const p = pool();
      if (p) this.set(sum(Object.values(p._acquireRequests).map((waiting) => waiting.length)));
    },
  });
}
