/**
 * API reads end at their timeout with a QUERY_TIMEOUT error that says what to do, instead of
 * running for minutes (and on in Neo4j after the client gave up). A slow read is made with a
 * Cypher loop, through the real server, resolvers and plugins.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/src/api/server.ts';
import { Graph } from '../../server/src/graph/db.ts';
import { QueryTimeoutError } from '../../server/src/neo4j/errors.ts';
import { testGraph } from './graph.ts';

const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';

/** Every read is slow: stands for `paths` between far-apart people on a large collection. */
class SlowGraph extends Graph {
  override read<T extends Record<string, unknown>>(): Promise<T[]> {
    return super.read<T>(SLOW);
  }
}

describe('API read timeout', () => {
  let graph: Graph;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    graph = await testGraph();
    const slow = new SlowGraph(graph.driver, graph.database, { readTimeoutMs: 1000 });
    server = createServer({ graph: slow, graphiql: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await graph.driver.close();
  });

  it('ends a read past its timeout in Neo4j, as a QueryTimeoutError', async () => {
    const started = performance.now();
    await expect(graph.with({ readTimeoutMs: 500 }).read(SLOW)).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(performance.now() - started).toBeLessThan(4000);
    const running = await graph.read<{ n: number }>(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' RETURN count(*) AS n",
    );
    expect(running[0]!.n).toBe(0);
  });

  it('answers a GraphQL request with QUERY_TIMEOUT and advice, not a masked error', async () => {
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ paths(from: "Person:甲", to: "Person:乙", maxHops: 5) { nodes { id } } }' }),
    });
    const seconds = (performance.now() - started) / 1000;
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(body.errors?.[0]?.message).toMatch(/took longer than 1 s.*maxHops/);
    expect(seconds).toBeLessThan(4);
  });
});
