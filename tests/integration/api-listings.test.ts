/**
 * Lists a page at a time: the top entities of a collection or period, articles newest first or by
 * text, entity or source — pages that cover the whole list once, in the order a recount gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../server/src/bench/corpus.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { startApi, type Api } from './api-client.ts';
import { emptyDatabase, testGraph } from './graph.ts';

describe('entities and articles, page by page', () => {
  let graph: Graph;
  let api: Api;
  let tmp: string;
  const gql = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables);
  const data = (query: string, variables: Record<string, unknown> = {}) => api.data(query, variables);

  /** Every page of a list, following endCursor. */
  async function allPages(field: string, args: string, selection: string, first: number) {
    const items: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const d: any = await data(`query($after: String) { ${field}(${args} first: ${first}, after: $after) { edges { cursor ${selection} } pageInfo { hasNextPage endCursor } } }`, { after });
      items.push(...d[field].edges);
      if (!d[field].pageInfo.hasNextPage) return items;
      after = d[field].pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  }

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-listings-'));
    const file = path.join(tmp, 'corpus.jsonl');
    const articles = [...syntheticCorpus(40, 11)].map((a, i) => (i % 10 === 9 ? { ...a, date: undefined, source: 'undated-wire' } : a));
    fs.writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n'));
    await runImport(graph, readInputs([file]), new ExtractionPool({ workers: 0 }), { batchSize: 16, dryRun: false });
    api = await startApi(graph);
  });
  afterAll(async () => {
    await api.close();
    await emptyDatabase(graph);
    await graph.driver.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('ranks entities by mentions, page after page, in the order a recount gives', async () => {
    const expected = await graph.read<{ id: string; n: number }>(
      'MATCH (e:Entity) RETURN e.id AS id, COUNT { (e)<-[:MENTIONS]-() } AS n ORDER BY n DESC, id DESC',
    );
    const pages = await allPages('entities', 'orderBy: MENTIONS,', 'count node { id }', 7);
    expect(pages.map((e) => [e.node.id, e.count])).toEqual(expected.map((r) => [r.id, r.n]));
  });

  it('ranks people by connections, and lists places by name', async () => {
    const expected = await graph.read<{ id: string; n: number }>(
      "MATCH (e:Entity {type: 'Person'}) RETURN e.id AS id, COUNT { (e)-[:CO_MENTIONED]-() } AS n ORDER BY n DESC, id DESC",
    );
    const people = await allPages('entities', 'type: Person, orderBy: CONNECTIONS,', 'count node { id type }', 9);
    expect(people.map((e) => [e.node.id, e.count])).toEqual(expected.map((r) => [r.id, r.n]));
    const places = await allPages('entities', 'type: Place, orderBy: NAME,', 'node { id name }', 5);
    const names = places.map((e) => e.node.name as string);
    expect(names).toEqual([...names].sort());
    expect(places.length).toBe((await graph.read("MATCH (e:Entity {type: 'Place'}) RETURN e")).length);
  });

  it('ranks the entities of a period by the articles dated in it', async () => {
    const [{ from, to }] = (await graph.read<{ from: string; to: string }>(
      'MATCH (a:Article) WHERE a.date IS NOT NULL WITH a ORDER BY a.date RETURN collect(a.date)[5] AS from, collect(a.date)[20] AS to',
    )) as [{ from: string; to: string }];
    const expected = await graph.read<{ id: string; n: number }>(
      'MATCH (a:Article)-[:MENTIONS]->(e:Entity) WHERE a.date >= $from AND a.date <= $to RETURN e.id AS id, count(a) AS n ORDER BY n DESC, id',
      { from, to },
    );
    const top = (await data(`{ entities(from: "${from}", to: "${to}", first: 200) { edges { count node { id } } } }`)).entities.edges;
    expect(top.map((e: any) => [e.node.id, e.count])).toEqual(expected.map((r) => [r.id, r.n]));
  });

  it('lists articles newest first, undated last, and by source', async () => {
    const pages = await allPages('articles', '', 'node { id date source }', 6);
    expect(pages).toHaveLength(40);
    expect(new Set(pages.map((e) => e.node.id)).size).toBe(40);
    const dates = pages.map((e) => e.node.date as string | null);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
    const wire = await allPages('articles', 'filter: { source: "undated-wire" },', 'node { id source }', 3);
    expect(wire).toHaveLength(4);
  });

  it('lists the articles that name all of some entities, in a window, and by text', async () => {
    const [pair] = await graph.read<{ a: string; b: string; n: number }>(
      'MATCH (x:Entity)-[c:CO_MENTIONED]->(y:Entity) RETURN x.id AS a, y.id AS b, c.articles AS n ORDER BY n DESC, a, b LIMIT 1',
    );
    const both = await allPages('articles', `filter: { entityIds: ["${pair!.a}", "${pair!.b}"] },`, 'node { id }', 2);
    expect(both).toHaveLength(pair!.n);

    const window = (await data('{ articles(filter: { from: "2000-01-01", to: "2100-12-31" }, first: 200) { edges { node { id } } } }')).articles.edges;
    expect(window).toHaveLength(36);

    const [{ title }] = (await graph.read<{ title: string }>('MATCH (a:Article) RETURN a.title AS title ORDER BY a.id LIMIT 1')) as [{ title: string }];
    const words = (await data('query($t: String!) { articles(filter: { text: $t }, first: 3) { edges { node { title } } pageInfo { hasNextPage endCursor } } }', { t: title.slice(0, 8) })).articles;
    expect(words.edges.length).toBeGreaterThan(0);
    if (words.pageInfo.hasNextPage) {
      const next = (await data('query($t: String!, $a: String) { articles(filter: { text: $t }, first: 3, after: $a) { edges { node { title } } } }', { t: title.slice(0, 8), a: words.pageInfo.endCursor })).articles;
      expect(next.edges.map((e: any) => e.node.title)).not.toEqual(words.edges.map((e: any) => e.node.title));
    }
  });

  it('refuses a page over 200 and a cursor it did not make, saying why', async () => {
    for (const [query, message] of [
      ['{ entities(first: 201) { pageInfo { hasNextPage } } }', /first must be an integer from 1 to 200/],
      ['{ articles(first: 0) { pageInfo { hasNextPage } } }', /first must be an integer from 1 to 200/],
      ['{ entities(after: "bm90LWEtY3Vyc29y") { pageInfo { hasNextPage } } }', /not a cursor from this list/],
      ['{ articles(after: "%%%") { pageInfo { hasNextPage } } }', /not a cursor from this list/],
      ['{ entities(from: "2020-02-30x") { pageInfo { hasNextPage } } }', /from must be a date/],
    ] as const) {
      const result = await gql(query);
      expect(result.errors?.[0]?.message, query).toMatch(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
