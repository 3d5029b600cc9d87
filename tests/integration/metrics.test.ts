import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../server/src/api/plugins/metrics.ts';
import { createServer } from '../../server/src/api/server.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { testGraph } from './graph.ts';

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The value of one sample of the Prometheus text, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  let graph: Graph;
  let server: http.Server;
  let base: string;
  const post = (body: unknown) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    graph = await testGraph();
    server = createServer({ graph, graphiql: false });
    base = await listen(server);
  });
  afterAll(async () => {
    server?.close();
    await graph.driver.close();
  });

  it('counts GraphQL operations, their latency and errors by code, HTTP routes and the Neo4j pool', async () => {
    for (let i = 0; i < 2; i++) await post({ query: 'query Search($t: String!) { search(text: $t) { id } }', variables: { t: '王' }, operationName: 'Search' });
    await post({ query: 'query Stats { stats { articles } }' });
    await post({ query: 'query Bad { search(text: "x", first: 0) { id } }' });
    await post({ query: '{ search(' });
    await fetch(`${base}/health`);
    await fetch(`${base}/ready`);
    await fetch(`${base}/no-such-file.js`);

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(sample(text, 'guanxi_graphql_requests_total', { operation: 'Search' })).toBe(2);
    expect(sample(text, 'guanxi_graphql_request_duration_seconds_count', { operation: 'Search' })).toBe(2);
    expect(sample(text, 'guanxi_graphql_request_duration_seconds_sum', { operation: 'Search' })).toBeGreaterThan(0);
    expect(sample(text, 'guanxi_graphql_requests_total', { operation: 'Stats' })).toBe(1);
    expect(sample(text, 'guanxi_graphql_requests_total', { operation: 'anonymous' })).toBe(1);
    expect(sample(text, 'guanxi_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(sample(text, 'guanxi_graphql_operations_in_flight')).toBe(0);
    expect(sample(text, 'guanxi_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);

    expect(sample(text, 'guanxi_http_requests_total', { route: 'graphql', status: '200' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'guanxi_http_requests_total', { route: 'health', status: '200' })).toBe(1);
    expect(sample(text, 'guanxi_http_requests_total', { route: 'ready', status: '200' })).toBe(1);
    expect(sample(text, 'guanxi_http_requests_total', { route: 'static', status: '404' })).toBe(1);
    expect(sample(text, 'guanxi_http_request_duration_seconds_count', { route: 'health' })).toBe(1);

    expect(sample(text, 'guanxi_neo4j_pool_readable')).toBe(1);
    expect(sample(text, 'guanxi_neo4j_pool_connections', { state: 'in_use' })).toBe(0);
    expect(sample(text, 'guanxi_neo4j_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'guanxi_process_resident_memory_bytes')).toBeGreaterThan(0);

    // The scrape itself is counted once it has finished, so the next scrape shows it.
    const again = await (await fetch(`${base}/metrics`)).text();
    expect(sample(again, 'guanxi_http_requests_total', { route: 'metrics', status: '200' })).toBe(1);
    expect(sample(again, 'guanxi_graphql_requests_total', { operation: 'Search' })).toBe(2);
  });

  it('gives each server its own registry, and GUANXI_METRICS=0 turns it off', async () => {
    const second = createServer({ graph, graphiql: false });
    const secondBase = await listen(second);
    const before = process.env.GUANXI_METRICS;
    process.env.GUANXI_METRICS = '0';
    const off = createServer({ graph, graphiql: false });
    if (before === undefined) delete process.env.GUANXI_METRICS;
    else process.env.GUANXI_METRICS = before;
    const offBase = await listen(off);
    try {
      const text = await (await fetch(`${secondBase}/metrics`)).text();
      expect(sample(text, 'guanxi_graphql_requests_total', { operation: 'Search' })).toBeUndefined();
      expect((await fetch(`${offBase}/metrics`)).status).toBe(404);
    } finally {
      second.close();
      off.close();
    }
  });

  it('answers only loopback clients unless GUANXI_METRICS=all, and only GET', async () => {
    const serve = (access: 'loopback' | 'all') => {
      const metrics = createMetrics(graph.driver, access);
      return http.createServer((req, res) => {
        // As if the request came over the network: the test itself can only connect from loopback.
        Object.defineProperty(req.socket, 'remoteAddress', { value: '10.1.2.3', configurable: true });
        if (!metrics.handle(req, res)) res.writeHead(404).end();
      });
    };
    const local = serve('loopback');
    const open = serve('all');
    try {
      const localBase = await listen(local);
      const openBase = await listen(open);
      expect((await fetch(`${localBase}/metrics`)).status).toBe(403);
      expect((await fetch(`${openBase}/metrics`)).status).toBe(200);
      expect((await fetch(`${openBase}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      local.close();
      open.close();
    }
  });
});
