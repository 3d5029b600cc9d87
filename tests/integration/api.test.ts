import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/src/api/server.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { Graph } from '../../server/src/graph/db.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { startApi, type Api } from './api-client.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('GraphQL API on the sample page', () => {
  let graph: Graph;
  let api: Api;
  let base: string;
  const gql = (query: string, variables: Record<string, unknown> = {}) => api.data(query, variables);

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    await runImport(graph, readInputs([SAMPLE]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
    api = await startApi(graph);
    base = api.base;
  });
  afterAll(async () => {
    await api.close();
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  it('finds 王新亭 first, as a person', async () => {
    const { search } = await gql('query($t: String!) { search(text: $t, first: 5) { id type label score } }', { t: '王新亭' });
    expect(search[0]).toMatchObject({ id: 'Person:王新亭', type: 'Person', label: '王新亭' });
  });

  it('finds articles by words of their text, and filters by type', async () => {
    const { search } = await gql('{ search(text: "节水", types: [Article], first: 5) { type label } }');
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((hit: { type: string }) => hit.type === 'Article')).toBe(true);
  });

  it('looks up an entity with its articles and positions, and an article with its mentions', async () => {
    const { entity } = await gql(`{
      entity(id: "Person:王新亭") {
        name type articleCount
        articles { count sentences article { id title } }
        positions { title organization { name type } evidence }
      }
    }`);
    expect(entity.articleCount).toBeGreaterThanOrEqual(2);
    expect(entity.articles[0].sentences[0]).toContain('王新亭');
    expect(entity.positions.map((p: { title: string }) => p.title).join()).toMatch(/书记|主任/);

    const { article } = await gql('query($id: ID!) { article(id: $id) { title body authors { name } mentions { entity { id } offsets } } }', {
      id: entity.articles[0].article.id,
    });
    const mention = article.mentions.find((m: { entity: { id: string } }) => m.entity.id === 'Person:王新亭');
    expect(article.body.slice(mention.offsets[0], mention.offsets[1])).toBe('王新亭');
  });

  it('returns a neighbourhood ready for Cytoscape, with evidence behind each edge', async () => {
    const { neighborhood } = await gql(`{
      neighborhood(ids: ["Person:王新亭"], depth: 1, limit: 50) { truncated nodes { id type label } edges { id source target type } }
    }`);
    const ids = new Set(neighborhood.nodes.map((n: { id: string }) => n.id));
    expect(ids.has('Person:王新亭')).toBe(true);
    expect(neighborhood.nodes.some((n: { type: string }) => n.type === 'Article')).toBe(true);
    for (const edge of neighborhood.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
    const mention = neighborhood.edges.find(
      (e: { type: string; target: string }) => e.type === 'MENTIONS' && e.target === 'Person:王新亭',
    );
    const { edge } = await gql('query($id: ID!) { edge(id: $id) { type evidence { sentence article { title } } } }', { id: mention.id });
    expect(edge.evidence[0].sentence).toContain('王新亭');
  });

  it('limits a neighbourhood and says it was cut', async () => {
    const { neighborhood } = await gql('{ neighborhood(ids: ["Person:王新亭"], depth: 2, limit: 3) { truncated nodes { id } } }');
    expect(neighborhood.nodes).toHaveLength(3);
    expect(neighborhood.truncated).toBe(true);
  });

  it('finds a path between two people through an article, each step with its evidence', async () => {
    const { paths } = await gql(`{
      paths(from: "Person:王新亭", to: "Person:李颖", maxHops: 4, via: ALL) {
        length nodes { id type } edges { id type } steps { edge { id } evidence { article { id } } }
      }
    }`);
    expect(paths.length).toBeGreaterThan(0);
    const [path] = paths;
    expect(path.nodes[0].id).toBe('Person:王新亭');
    expect(path.nodes.at(-1).id).toBe('Person:李颖');
    expect(path.edges).toHaveLength(path.length);
    expect(path.steps.every((s: { evidence: unknown[] }) => s.evidence.length > 0)).toBe(true);
    // Through entities only, the same two are linked by co-mentions (or not at all), never by an article.
    const { paths: direct } = await gql('{ paths(from: "Person:王新亭", to: "Person:李颖", maxHops: 6) { nodes { type } } }');
    for (const p of direct) expect(p.nodes.every((n: { type: string }) => n.type !== 'Article')).toBe(true);
  });

  it('counts articles over time, for the whole collection and for an entity', async () => {
    const { all, wang, days } = await gql(`{
      all: timeline(bucket: MONTH) { bucket start count }
      wang: timeline(ids: ["Person:王新亭"], bucket: YEAR) { bucket count }
      days: timeline(bucket: DAY, from: "2020-05-01", to: "2020-05-31") { bucket count }
    }`);
    const total = (buckets: { count: number }[]) => buckets.reduce((n, b) => n + b.count, 0);
    const [{ dated }] = (await graph.read<{ dated: number }>('MATCH (a:Article) WHERE a.date IS NOT NULL RETURN count(a) AS dated')) as [{ dated: number }];
    expect(dated).toBeGreaterThanOrEqual(4);
    expect(total(all)).toBe(dated); // undated articles have no bucket
    for (const month of all) expect(month.start).toBe(`${month.bucket}-01`);
    expect(all.map((m: { bucket: string }) => m.bucket)).toEqual([...all.map((m: { bucket: string }) => m.bucket)].sort());
    expect(wang.map((y: { bucket: string }) => y.bucket)).toEqual(['2020']);
    expect(wang[0].count).toBeGreaterThanOrEqual(1);
    const may = all.find((m: { bucket: string }) => m.bucket === '2020-05')?.count ?? 0;
    expect(total(days)).toBe(may);
  });

  it('rejects out-of-range arguments with a clear message', async () => {
    await expect(gql('{ neighborhood(ids: ["x"], depth: 9) { truncated } }')).rejects.toThrow(/depth must be an integer from 0 to 3/);
  });

  it('answers /health and /ready', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('/ready answers 503 with the reason when Neo4j is unreachable', async () => {
    const deadGraph = new Graph(neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', ''), { connectionTimeout: 2000 }));
    const dead = createServer({ graph: deadGraph, graphiql: false });
    const deadBase = await listen(dead);
    try {
      const response = await fetch(`${deadBase}/ready`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/Neo4j/);
    } finally {
      dead.close();
      await deadGraph.driver.close();
    }
  });
});
