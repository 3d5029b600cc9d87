/** The connection-graph API on the sample page: who is connected to whom, with filters and evidence. */
import path from 'node:path';
import { parseEdgeId } from '@guanxi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../server/src/graph/db.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { startApi, type Api } from './api-client.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');
const WANG = 'Person:王新亭';

interface Edge {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string | null;
  weight: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}
interface Answer {
  nodes: { id: string; type: string; label: string }[];
  edges: Edge[];
  truncated: boolean;
  totalNodes: number;
}

const SELECTION = '{ nodes { id type label } edges { id source target type label weight articles firstDate lastDate } truncated totalNodes }';

describe('connections API', () => {
  let graph: Graph;
  let api: Api;
  const gql = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables);
  const connections = async (args: string): Promise<Answer> => (await api.data(`{ connections(${args}) ${SELECTION} }`)).connections;

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    await runImport(graph, readInputs([SAMPLE]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
    api = await startApi(graph);
  });
  afterAll(async () => {
    await api.close();
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  it('links 王新亭 to the people, organizations and places named with him, with no article nodes', async () => {
    const answer = await connections(`ids: ["${WANG}"]`);
    expect(answer.nodes.every((n) => n.type !== 'Article')).toBe(true);
    expect(answer.nodes.map((n) => n.id)).toContain(WANG);
    const types = new Set(answer.edges.map((e) => e.type));
    expect(types.has('CO_MENTIONED')).toBe(true);
    expect(types.has('HOLDS_POSITION')).toBe(true);
    const position = answer.edges.find((e) => e.type === 'HOLDS_POSITION' && e.source === WANG)!;
    expect(position.label).toMatch(/书记|主任/);
    const coMention = answer.edges.find((e) => e.type === 'CO_MENTIONED' && (e.source === WANG || e.target === WANG))!;
    expect(coMention.weight).toBeGreaterThanOrEqual(1);
    expect(coMention.articles).toBeGreaterThanOrEqual(1);
    expect(coMention.firstDate).toMatch(/^2020-05-\d\d$/);
    const ids = new Set(answer.nodes.map((n) => n.id));
    for (const edge of answer.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });

  it('gives edge ids a person can read, that edge(id) answers with label, counts and evidence', async () => {
    const answer = await connections(`ids: ["${WANG}"]`);
    const position = answer.edges.find((e) => e.type === 'HOLDS_POSITION' && e.source === WANG)!;
    expect(position.id).toBe(`${position.source}~HOLDS_POSITION~${position.target}`);
    expect(parseEdgeId(position.id)).toEqual({ source: position.source, type: 'HOLDS_POSITION', target: position.target });
    const detail = (await gql('query($id: ID!) { edge(id: $id) { type label weight articles evidence { sentence article { id } } } }', { id: position.id })).data.edge;
    expect(detail.label).toBe(position.label);
    expect(detail.evidence[0].sentence).toContain('王新亭');

    const coMention = answer.edges.find((e) => e.type === 'CO_MENTIONED' && e.weight > 0)!;
    const co = (await gql('query($id: ID!) { edge(id: $id) { weight articles firstDate evidence { sentence article { id } } } }', { id: coMention.id })).data.edge;
    expect(co.weight).toBe(coMention.weight);
    expect(co.evidence.length).toBe(Math.min(5, co.weight));
    expect(co.evidence[0].article.id).toMatch(/^art-/);
  });

  it('filters by entity type, link type, weight, article frequency and date window', async () => {
    const noPlaces = await connections(`ids: ["${WANG}"], types: [Person, Organization]`);
    expect(noPlaces.nodes.filter((n) => n.id !== WANG).every((n) => n.type === 'Person' || n.type === 'Organization')).toBe(true);
    const positionsOnly = await connections(`ids: ["${WANG}"], relTypes: [HOLDS_POSITION]`);
    expect(positionsOnly.edges.every((e) => e.type === 'HOLDS_POSITION')).toBe(true);
    expect(positionsOnly.edges.length).toBeGreaterThan(0);
    const all = await connections(`ids: ["${WANG}"], minWeight: 0, limit: 500`);
    const strong = await connections(`ids: ["${WANG}"], minWeight: 3, limit: 500`);
    expect(strong.nodes.length).toBeLessThan(all.nodes.length);
    expect(strong.edges.filter((e) => e.type === 'CO_MENTIONED').every((e) => e.weight >= 3)).toBe(true);
    const rare = await connections(`ids: ["${WANG}"], maxArticles: 1, minWeight: 0, limit: 500`);
    expect(rare.nodes.length).toBeLessThan(all.nodes.length);
    const later = await connections(`ids: ["${WANG}"], from: "2021-01-01", relTypes: [CO_MENTIONED]`);
    expect(later.nodes.map((n) => n.id)).toEqual([WANG]);
  });

  it('goes two hops, cuts at limit and says so with the total', async () => {
    const one = await connections(`ids: ["${WANG}"], depth: 1, limit: 500`);
    const two = await connections(`ids: ["${WANG}"], depth: 2, limit: 500`);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    const cut = await connections(`ids: ["${WANG}"], depth: 2, limit: 9`);
    expect(cut.nodes).toHaveLength(9);
    expect(cut.truncated).toBe(true);
    expect(cut.totalNodes).toBeGreaterThan(9);
    // A small limit is shared between the hops: the second hop is not crowded out by the first.
    const direct = new Set(one.nodes.map((n) => n.id));
    expect(cut.nodes.some((n) => !direct.has(n.id))).toBe(true);
  });

  it('restores a saved set with depth 0: exactly those entities and the links among them', async () => {
    const around = await connections(`ids: ["${WANG}"], depth: 1, limit: 12`);
    const ids = around.nodes.map((n) => n.id);
    const saved = await connections(`ids: ${JSON.stringify(ids)}, depth: 0`);
    expect(saved.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(saved.edges.map((e) => e.id).sort()).toEqual(around.edges.map((e) => e.id).sort());
    const articles = await gql(`{ neighborhood(ids: ["${WANG}"], depth: 0) { nodes { id } } }`);
    expect(articles.data.neighborhood.nodes.map((n: { id: string }) => n.id)).toEqual([WANG]);
  });

  it("ranks an entity's connections, page by page, with the articles behind each", async () => {
    const selection = 'edges { cursor weight articleCount types titles node { id } articles(first: 2) { id title } } pageInfo { hasNextPage endCursor }';
    const all = (await gql(`{ entity(id: "${WANG}") { related(first: 200) { ${selection} } } }`)).data.entity.related;
    const weights = all.edges.map((e: { weight: number }) => e.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const pages: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: any = (await gql(`query($a: String) { entity(id: "${WANG}") { related(first: 4, after: $a) { ${selection} } } }`, { a: after })).data.entity.related;
      pages.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(all.edges.map((e: { node: { id: string } }) => e.node.id));
    const employer = all.edges.find((e: { types: string[] }) => e.types.includes('HOLDS_POSITION'));
    expect(employer.titles.join()).toMatch(/书记|主任/);
    const named = all.edges.find((e: { articleCount: number }) => e.articleCount > 0);
    expect(named.articles.length).toBeGreaterThan(0);
  });

  it('keeps co-mentions out of the article view, whose article nodes carry their dates', async () => {
    const result = await gql(`{ neighborhood(ids: ["${WANG}"], depth: 1, limit: 100) { edges { type } nodes { type date } } }`);
    expect(result.data.neighborhood.edges.some((e: { type: string }) => e.type === 'CO_MENTIONED')).toBe(false);
    const nodes: { type: string; date: string | null }[] = result.data.neighborhood.nodes;
    // The sample page has an undated article; the dated ones say when.
    const dates = nodes.filter((n) => n.type === 'Article').map((n) => n.date);
    expect(dates.filter((d) => d !== null).length).toBeGreaterThan(0);
    expect(dates.every((d) => d === null || /^\d{4}-\d{2}-\d{2}/.test(d))).toBe(true);
    expect(nodes.filter((n) => n.type !== 'Article').every((n) => n.date === null)).toBe(true);
  });

  it('refuses bad arguments with a clear message', async () => {
    for (const [args, message] of [
      [`ids: ["${WANG}"], depth: 4`, /depth must be an integer from 0 to 3/],
      [`ids: ["${WANG}"], limit: 5000`, /limit must be an integer from 1 to 2000/],
      [`ids: ["${WANG}"], from: "May 2020"`, /from must be a date/],
      [`ids: ["${WANG}"], from: "2021-01-01", to: "2020-01-01"`, /is after/],
      ['ids: []', /number of ids/],
    ] as const) {
      const result = await gql(`{ connections(${args}) { truncated } }`);
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
