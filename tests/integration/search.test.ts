import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import path from 'node:path';
import type { ArticleInput, NodeType } from '@guanxi/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/src/api/server.ts';
import { cypher } from '../../server/src/graph/cypher.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { searchParams } from '../../server/src/graph/search.ts';
import { applySchema, awaitSearchable, writeBatch } from '../../server/src/graph/store.ts';
import { extractionFromGiven } from '../../server/src/importer/given.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { emptyDatabase, testGraph } from './graph.ts';
import { planOperators, SCANS } from './plan.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');

/** Names chosen so that each kind of match has one clear answer next to the sample's entities. */
const FIXTURE_BODY = '单雄信在新亭街道考察济南市测绘研究院。测研院的同志介绍了新亭的历史。王新亭出席。';
const FIXTURE_ENTITIES = [
  { type: 'Place' as const, name: '新亭', aliases: [] },
  { type: 'Place' as const, name: '新亭街道', aliases: [] },
  { type: 'Organization' as const, name: '济南市测绘研究院', aliases: ['测研院'] },
  { type: 'Person' as const, name: '单雄信', aliases: [] },
];

interface Hit {
  id: string;
  type: string;
  label: string;
  matchedBy: string;
  articles: number | null;
  date: string | null;
  detail: string | null;
}

describe('search as a name index', () => {
  let graph: Graph;
  let server: http.Server;
  let base: string;

  const search = async (text: string, types: NodeType[] | null = null, first = 10): Promise<Hit[]> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($t: String!, $types: [NodeType!], $first: Int) { search(text: $t, types: $types, first: $first) { id type label matchedBy articles date detail } }',
        variables: { t: text, types, first },
      }),
    });
    const result = (await response.json()) as { data?: { search: Hit[] }; errors?: { message: string }[] };
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data!.search;
  };

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    await runImport(graph, readInputs([SAMPLE]), new ExtractionPool({ workers: 0 }), { batchSize: 50, dryRun: false });
    const article: ArticleInput = { id: 'search-fixture', title: '新亭考察', body: FIXTURE_BODY, authors: [], date: '2020-05-30', origin: { file: 'fixture' } };
    await writeBatch(graph, [{ article, extraction: extractionFromGiven(article, FIXTURE_ENTITIES), hash: 'fixture' }]);
    await awaitSearchable(graph);
    server = createServer({ graph, graphiql: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  it('puts the exact name before names that start with it or contain it, whatever their article counts', async () => {
    const hits = await search('新亭');
    expect(hits.slice(0, 3).map((h) => [h.label, h.matchedBy])).toEqual([
      ['新亭', 'NAME'],
      ['新亭街道', 'PREFIX'],
      ['王新亭', 'TEXT'],
    ]);
    const wang = hits.find((h) => h.label === '王新亭')!;
    expect(wang.articles).toBeGreaterThan(hits[0]!.articles!);
  });

  it('reads names containing the text only when the name index leaves room, with the same answer', async () => {
    // Contains and full-text hits score below every name-index hit: with two names found for two
    // places, they are not read; with room for a third, 王新亭 comes in. Either way the answer is
    // the first hits of a longer one.
    expect((await search('新亭', null, 2)).map((h) => [h.label, h.matchedBy])).toEqual([['新亭', 'NAME'], ['新亭街道', 'PREFIX']]);
    for (const text of ['新亭', '王', '高新区', '测研院', 'xin']) {
      const longest = await search(text, null, 20);
      for (const first of [1, 2, 3, 5]) expect(await search(text, null, first), `${text}, first ${first}`).toEqual(longest.slice(0, first));
    }
  });

  it('finds an entity by an exact alias', async () => {
    const [hit] = await search('测研院');
    expect(hit).toMatchObject({ id: 'Organization:济南市测绘研究院', matchedBy: 'ALIAS', articles: 1 });
  });

  it('answers counts and dates as fields, and keeps detail for older clients', async () => {
    const [person] = await search('王新亭', null, 3);
    expect(person).toMatchObject({ type: 'Person', matchedBy: 'NAME', date: null });
    expect(person!.articles).toBeGreaterThanOrEqual(2);
    expect(person!.detail).toBe(`${person!.articles} articles`);
    const articles = await search('节水', ['Article'], 3);
    expect(articles[0]).toMatchObject({ type: 'Article', articles: null, matchedBy: 'TEXT' });
    expect(articles[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(articles[0]!.detail).toBe(articles[0]!.date);
  });

  it('filters by type before cutting the candidates', async () => {
    const places = await search('新亭', ['Place']);
    expect(places.map((h) => h.label)).toEqual(['新亭', '新亭街道']);
    const people = await search('新亭', ['Person']);
    expect(people[0]).toMatchObject({ label: '王新亭', type: 'Person' });
    expect(people.every((h) => h.type === 'Person')).toBe(true);
  });

  it.each(['wangxinting', 'Wang Xinting', 'wang xin ting', 'wxt', "WANG'XIN'TING"])('finds 王新亭 by the pinyin %s', async (text) => {
    const [hit] = await search(text, ['Person']);
    expect(hit).toMatchObject({ id: 'Person:王新亭', matchedBy: 'PINYIN' });
  });

  it('finds names by a pinyin prefix, other Chinese names by their pinyin, and surnames read as surnames', async () => {
    expect((await search('wangxint'))[0]).toMatchObject({ label: '王新亭', matchedBy: 'PREFIX' });
    expect((await search('xintingjiedao'))[0]).toMatchObject({ label: '新亭街道', matchedBy: 'PINYIN' });
    expect((await search('shan xiongxin'))[0]).toMatchObject({ label: '单雄信', matchedBy: 'PINYIN' });
    expect((await search('danxiongxin', ['Person'])).map((h) => h.label)).not.toContain('单雄信');
  });

  it('gives entities written before pinyin keys existed their keys when the schema is applied', async () => {
    await graph.write("MATCH (e:Entity) WHERE e.id = 'Person:单雄信' REMOVE e.pinyin, e.initials");
    expect(await search('shanxiongxin')).toEqual([]);
    await applySchema(graph);
    expect((await search('shanxiongxin'))[0]).toMatchObject({ label: '单雄信', matchedBy: 'PINYIN' });
    const [row] = await graph.read<{ left: number }>('MATCH (e:Entity) WHERE e.pinyin IS NULL RETURN count(e) AS left');
    expect(row!.left).toBe(0);
  });

  it('EXPLAINs every search query as index seeks: no label scan, no all-nodes scan', async () => {
    const texts = ['王新亭', '王', 'wangxinting', 'Wang Xinting', '测研院', '节水 行动', 'AND'];
    const typeLists: (NodeType[] | null)[] = [null, ['Person', 'Place'], ['Article']];
    for (const text of texts) {
      for (const types of typeLists) {
        const params = searchParams(text, 20, types);
        for (const [name, query, values] of [
          ['search-entities', cypher('api/search-entities'), params.entities],
          ['search-articles', cypher('api/search-articles'), params.articles],
        ] as const) {
          const operators = await planOperators(graph, query, values);
          const scans = operators.filter((op) => SCANS.includes(op));
          expect(scans, `${name} for ${JSON.stringify(text)} ${JSON.stringify(types)}: ${operators.join(' > ')}`).toEqual([]);
          if (name === 'search-entities') {
            // Seeks for the exact, alias, pinyin, prefix and contains branches; articles counted without expanding.
            expect(operators.filter((op) => op.startsWith('NodeIndex')).length).toBeGreaterThanOrEqual(7);
            expect(operators, operators.join(' > ')).not.toContain('Expand(All)');
          }
        }
      }
    }
  });
});
