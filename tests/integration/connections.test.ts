/**
 * The connection layer (CO_MENTIONED) stays exact through import, re-import, update in place and
 * delete: after each step the stored counts and dates equal a full recount from the mentions, and
 * every evidence sample is a sentence that an existing article shares between the two entities.
 * So do the counts and first/last sighting kept on entities for ranking.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_TYPES } from '@guanxi/shared';
import { syntheticCorpus, type SyntheticArticle } from '../../server/src/bench/corpus.ts';
import { cypher } from '../../server/src/graph/cypher.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { CONNECTION_EVIDENCE, CONNECTION_LAYER_VERSION, ensureConnectionLayer } from '../../server/src/graph/connection-layer.ts';
import { connections, edgesAmong, STORED_NEIGHBOURHOOD } from '../../server/src/graph/connections.ts';
import { markAllHubs, rankHubs } from '../../server/src/graph/hub-ranking.ts';
import { upkeepHubs } from '../../server/src/graph/hub-upkeep.ts';
import { deleteArticles, writeBatch, type PreparedArticle } from '../../server/src/graph/store.ts';
import { createExtractor } from '../../server/src/extract/index.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { articleHash, runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const pool = new ExtractionPool({ workers: 0 });

interface Pair {
  source: string;
  target: string;
  weight: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}

const BAD_EVIDENCE = `
MATCH (x:Entity)-[c:CO_MENTIONED]->(y:Entity)
WITH x, y, c, coalesce(split(c.evidence, '\\u001e'), []) AS texts, coalesce(split(c.evidenceArticles, '\\u001e'), []) AS cites
WITH x, y, texts, cites, c.evidence IS :: STRING AND c.evidenceArticles IS :: STRING
     AND size(texts) = size(cites) AND size(texts) = CASE WHEN c.weight < $n THEN c.weight ELSE $n END AS sized
UNWIND (CASE WHEN size(texts) = 0 THEN [null] ELSE range(0, size(texts) - 1) END) AS i
OPTIONAL MATCH (x)<-[m1:MENTIONS]-(a:Article {id: cites[i]})-[m2:MENTIONS]->(y)
WITH x, y, sized, i, a, texts[i] AS sentence, m1, m2
WHERE NOT sized OR (i IS NOT NULL AND (a IS NULL OR NOT sentence IN m1.sentences OR NOT sentence IN m2.sentences))
RETURN x.id AS source, y.id AS target, sized, i`;

const ENTITY_RECOUNT = `
MATCH (e:Entity)
OPTIONAL MATCH (e)<-[:MENTIONS]-(a:Article)
WITH e, count(a) AS articles, min(a.date) AS firstSeen, max(a.date) AS lastSeen
RETURN e.id AS id, articles, COUNT { (e)-[:CO_MENTIONED]-() } AS connections, firstSeen, lastSeen
ORDER BY id`;
const ENTITY_STORED = `
MATCH (e:Entity)
RETURN e.id AS id, coalesce(e.articles, 0) AS articles, coalesce(e.connections, 0) AS connections, e.firstSeen AS firstSeen, e.lastSeen AS lastSeen
ORDER BY id`;

// Every link carries the key add.cypher merges on (so no pair is written twice).
const BAD_KEYS = `
MATCH (x:Entity)-[c:CO_MENTIONED]->(y:Entity)
WHERE c.pair IS NULL OR c.pair <> x.id + '\\u001f' + y.id OR x.id >= y.id
RETURN x.id AS source, y.id AS target, c.pair AS pair`;

async function expectExact(graph: Graph): Promise<number> {
  expect(await graph.read(ENTITY_STORED)).toEqual(await graph.read(ENTITY_RECOUNT));
  const recount = await graph.read<Pair>(cypher('connections/recount'));
  const stored = (await graph.read<Pair & { evidence: string[] }>(cypher('connections/stored'))).map(
    ({ source, target, weight, articles, firstDate, lastDate }) => ({ source, target, weight, articles, firstDate, lastDate }),
  );
  expect(stored).toEqual(recount);
  expect(await graph.read(BAD_EVIDENCE, { n: CONNECTION_EVIDENCE })).toEqual([]);
  expect(await graph.read(BAD_KEYS)).toEqual([]);
  return stored.length;
}

/** What a layer of version 2 or 3 held on links that share a sentence: more articles, a wider window. */
async function widenLinks(graph: Graph): Promise<number> {
  const [row] = await graph.write<{ n: number }>(
    `MATCH ()-[c:CO_MENTIONED]->() WHERE c.weight > 0
     WITH c ORDER BY c.pair LIMIT 30
     SET c.articles = c.articles + 2, c.lastDate = '2099-12-31'
     RETURN count(c) AS n`,
  );
  return row!.n;
}

function writeJsonl(file: string, articles: SyntheticArticle[]): void {
  fs.writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
}

describe('the connection layer', () => {
  let graph: Graph;
  let tmp: string;
  let corpus: SyntheticArticle[];
  const importFile = (file: string) => runImport(graph, readInputs([file]), pool, { batchSize: 16, dryRun: false });

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-connections-'));
    corpus = [...syntheticCorpus(60, 7)];
  });
  afterAll(async () => {
    await emptyDatabase(graph);
    await graph.driver.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is built by an import, equal to a recount, with weights, dates and evidence', async () => {
    const file = path.join(tmp, 'corpus.jsonl');
    writeJsonl(file, corpus);
    const summary = await importFile(file);
    expect(summary.created).toBe(60);
    const pairs = await expectExact(graph);
    expect(pairs).toBeGreaterThan(300);
    const [strongest] = await graph.read<{ weight: number; firstDate: string; evidence: string[] }>(
      `MATCH ()-[c:CO_MENTIONED]->() RETURN c.weight AS weight, c.firstDate AS firstDate, split(c.evidence, '\\u001e') AS evidence ORDER BY c.weight DESC LIMIT 1`,
    );
    expect(strongest!.weight).toBeGreaterThan(1);
    expect(strongest!.firstDate).toMatch(/^\d{4}-\d\d-\d\d/);
    expect(strongest!.evidence.length).toBe(Math.min(CONNECTION_EVIDENCE, strongest!.weight));
  });

  it('finds the same links among a set with hubs as walking every link would', async () => {
    // among.cypher seeks the pairs of two hubs by key and finds a hub's other links from the far
    // side; the plain walk below is what it must equal.
    const [top] = await graph.read<{ id: string }>('MATCH (e:Entity) RETURN e.id AS id ORDER BY e.connections DESC, e.id LIMIT 1');
    // The top hub with its most and its least connected neighbours: a pair of hubs, and hubs with
    // ordinary nodes.
    const neighbours = await graph.read<{ id: string; connections: number }>(
      `MATCH (:Entity {id: $hub})-[:CO_MENTIONED]-(m:Entity)
       RETURN m.id AS id, m.connections AS connections ORDER BY m.connections DESC, m.id`,
      { hub: top!.id },
    );
    const hubs = [top!.id, neighbours[0]!.id];
    const ids = [...hubs, ...neighbours.slice(-2).map((r) => r.id)];
    // A node joins the hubs when its links outnumber ten times the hubs before it (among.cypher):
    // the second of the set when it has more than 10, the third or fourth with more than 20.
    expect(neighbours[0]!.connections).toBeGreaterThan(10);
    expect(neighbours.at(-1)!.connections).toBeLessThanOrEqual(20);
    const params = { ids, relTypes: [...CONNECTION_TYPES], minWeight: 0, from: null, to: null };
    const walked = await graph.read(
      `MATCH (n:Entity)-[r]->(m:Entity) WHERE n.id IN $ids AND m.id IN $ids AND type(r) IN $relTypes
       RETURN n.id AS source, type(r) AS type, m.id AS target, r.weight AS weight ORDER BY source, type, target`,
      params,
    );
    const among = (await edgesAmong(graph, params)).map(
      ({ source, type, target, weight }) => ({ source, type, target, weight: type === 'CO_MENTIONED' ? weight : null }),
    );
    expect(among.filter((e) => e.type === 'CO_MENTIONED' && hubs.includes(e.source) && hubs.includes(e.target)).length).toBe(1);
    expect(among).toEqual(walked.map((e) => ({ ...e, weight: e.type === 'CO_MENTIONED' ? e.weight : null })));
  });

  it('expands a hub from its ranked neighbours to what a walk over all its links gives', async () => {
    const [top] = await graph.read<{ id: string; connections: number }>(
      'MATCH (e:Entity) RETURN e.id AS id, e.connections AS connections ORDER BY e.connections DESC, e.id LIMIT 1',
    );
    const query = { ids: [top!.id], depth: 1, types: null, relTypes: null, minWeight: 1, maxArticles: null, limit: 6 };
    const walked = await connections(graph, query);
    expect(walked.truncated).toBe(true); // the limit cut it
    // A ranking that keeps fewer neighbours than the hub has, more than the limit needs (a hop reads
    // 1.25 × the room left: 8 of the 12 kept).
    const ranking = { rankFrom: 10, keep: 12 };
    expect(top!.connections).toBeGreaterThan(ranking.keep);
    await markAllHubs(graph, ranking);
    expect(await rankHubs(graph, ranking)).toBeGreaterThan(1);
    const strongest = await graph.read<{ id: string }>(
      `MATCH (:Entity {id: $hub})-[r]-(m:Entity)
       WITH m, sum(CASE type(r) WHEN 'CO_MENTIONED' THEN r.weight + r.articles ELSE 1 END) AS strength
       RETURN m.id AS id ORDER BY strength DESC, id LIMIT 12`,
      { hub: top!.id },
    );
    const [stored] = await graph.read<{ top: string[] }>('MATCH (e:Entity {id: $hub}) RETURN e.topLinks AS top', { hub: top!.id });
    expect(stored!.top).toEqual(strongest.map((r) => r.id));
    const ranked = await connections(graph, query);
    expect(ranked.nodes.map((n) => n.id).sort()).toEqual(walked.nodes.map((n) => n.id).sort());
    expect(ranked.edges).toEqual(walked.edges);
    // Back to the default threshold: the small hubs lose their lists.
    await markAllHubs(graph);
    await rankHubs(graph);
    expect(await graph.read('MATCH (e:Entity) WHERE e.topLinks IS NOT NULL OR e:LinksUnranked RETURN e.id')).toEqual([]);
  });

  it("serves a hub's default neighbourhood from the one stored at the end of an import, the same as read live", async () => {
    // The layer's version node holds the generation that every write moves (emptyDatabase took it).
    await graph.write(cypher('connections/set-layer-version'), { version: CONNECTION_LAYER_VERSION });
    const generation = async () =>
      (await graph.read<{ g: number | null }>("MATCH (m:GuanxiMeta {key: 'connections'}) RETURN m.generation AS g"))[0]!.g ?? 0;
    const [top] = await graph.read<{ id: string }>('MATCH (e:Entity) RETURN e.id AS id ORDER BY e.connections DESC, e.id LIMIT 1');
    const query = { ids: [top!.id], depth: 1, types: null, relTypes: null, minWeight: 1, maxArticles: null, limit: STORED_NEIGHBOURHOOD };
    const ranking = { rankFrom: 10, keep: 30 };
    await markAllHubs(graph, ranking);
    const { stored } = await upkeepHubs(graph, ranking);
    expect(stored).toBeGreaterThan(1);
    const storedAt = await generation();
    const [kept] = await graph.read<{ g: number; size: number }>(
      'MATCH (e:Entity {id: $hub}) RETURN e.neighbourhoodGeneration AS g, size(e.neighbourhood) AS size',
      { hub: top!.id },
    );
    expect(kept).toEqual({ g: storedAt, size: expect.any(Number) });
    const fromStore = await connections(graph, query);
    const smaller = await connections(graph, { ...query, limit: 6 });
    // It is the stored one that answers: one put in its place at the same generation is served as is.
    const planted = { ids: [top!.id], truncated: false, totalNodes: 1, edges: [] };
    await graph.write('MATCH (e:Entity {id: $hub}) SET e.neighbourhood = $json', { hub: top!.id, json: JSON.stringify(planted) });
    expect(await connections(graph, query)).toMatchObject({ nodes: [{ id: top!.id }], edges: [], totalNodes: 1 });
    // Any write moves the generation on, and the same query is answered live.
    await graph.write(cypher('connections/bump-generation'));
    expect(await generation()).toBe(storedAt + 1);
    const live = await connections(graph, query);
    expect(fromStore).toEqual(live);
    expect(live.truncated).toBe(true); // the hub was read from its ranking
    // A smaller limit: the strongest of the stored nodes, the given one first, and the edges among them.
    await upkeepHubs(graph, ranking);
    const [row] = await graph.read<{ json: string }>('MATCH (e:Entity {id: $hub}) RETURN e.neighbourhood AS json', { hub: top!.id });
    const strongest = (JSON.parse(row!.json) as { ids: string[] }).ids.slice(0, 6);
    expect(strongest[0]).toBe(top!.id);
    expect(smaller.nodes.map((n) => n.id).sort()).toEqual([...strongest].sort());
    expect(smaller.edges).toEqual(live.edges.filter((e) => strongest.includes(e.source) && strongest.includes(e.target)));
    // An import and a delete move the generation in their write transactions.
    const probe = path.join(tmp, 'probe.jsonl');
    writeJsonl(probe, [{ ...corpus[0]!, url: 'https://example.org/generation-probe', title: '探针' }]);
    let before = await generation();
    await importFile(probe);
    expect(await generation()).toBeGreaterThan(before);
    const [added] = await graph.read<{ id: string }>("MATCH (a:Article {title: '探针'}) RETURN a.id AS id");
    before = await generation();
    await deleteArticles(graph, [added!.id]);
    expect(await generation()).toBeGreaterThan(before);
    // Back to the default threshold: the small hubs lose their lists and their neighbourhoods.
    await markAllHubs(graph);
    await upkeepHubs(graph);
    expect(await graph.read('MATCH (e:Entity) WHERE e.neighbourhood IS NOT NULL OR e.topLinks IS NOT NULL RETURN e.id')).toEqual([]);
  });

  it('is unchanged by a re-import of the same articles', async () => {
    const before = await graph.read(cypher('connections/stored'));
    const summary = await importFile(path.join(tmp, 'corpus.jsonl'));
    expect(summary.unchanged).toBe(60);
    expect(await graph.read(cypher('connections/stored'))).toEqual(before);
  });

  it('follows an update in place: changed bodies and dates move weights, windows and evidence', async () => {
    const changed = corpus.map((article, i) => {
      if (i % 3 !== 0) return article;
      // Same url (same id), another body and date: the old co-mentions must go, the new ones come.
      const other = corpus[(i + 17) % corpus.length]!;
      return { ...article, date: `2019-0${1 + (i % 9)}-1${i % 10}`, body: `${other.body}\n${article.body.slice(0, 40)}` };
    });
    const file = path.join(tmp, 'changed.jsonl');
    writeJsonl(file, changed);
    const summary = await importFile(file);
    expect(summary.updated).toBe(20);
    await expectExact(graph);
  });

  it('is built from the stored mentions for a database imported before it existed', async () => {
    const before = await graph.read(cypher('connections/stored'));
    await graph.write("MATCH ()-[c:CO_MENTIONED]->() DELETE c");
    await graph.write("MATCH (m:GuanxiMeta) DELETE m");
    await graph.write("MATCH (e:Entity) REMOVE e.articles, e.connections, e.firstSeen, e.lastSeen");
    expect(await ensureConnectionLayer(graph)).toBe(true);
    await expectExact(graph);
    const after = await graph.read<{ source: string; target: string; weight: number }>(cypher('connections/stored'));
    expect(after.map(({ source, target, weight }) => [source, target, weight])).toEqual(
      before.map(({ source, target, weight }) => [source, target, weight]),
    );
    expect(await ensureConnectionLayer(graph)).toBe(false);
  });

  it('upgrades a version-2 layer in place (keys, no article-only links), and imports after it write no pair twice', async () => {
    const before = await graph.read(cypher('connections/stored'));
    await graph.write('MATCH ()-[c:CO_MENTIONED]->() REMOVE c.pair');
    // Version 2 also linked entities that only shared an article, with weight 0.
    const [added] = await graph.write<{ n: number }>(
      `MATCH (x:Entity)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(y:Entity)
       WHERE x.id < y.id AND NOT (x)-[:CO_MENTIONED]-(y)
       WITH DISTINCT x, y LIMIT 20
       CREATE (x)-[:CO_MENTIONED {weight: 0, articles: 1, evidence: [], evidenceArticles: []}]->(y)
       RETURN count(*) AS n`,
    );
    expect(added!.n).toBe(20);
    // … and counted and dated every article naming both ends, not only those with a shared sentence.
    await widenLinks(graph);
    await graph.write("MATCH (m:GuanxiMeta {key: 'connections'}) SET m.version = 2");
    expect(await ensureConnectionLayer(graph)).toBe(true);
    expect(await graph.read(cypher('connections/stored'))).toEqual(before);
    const changed = corpus.slice(0, 10).map((article) => ({ ...article, body: `${article.body}\n${corpus[30]!.body}` }));
    const file = path.join(tmp, 'after-keying.jsonl');
    writeJsonl(file, changed);
    expect((await importFile(file)).updated).toBe(10);
    await expectExact(graph);
  });

  it('recounts the links that an upgrade to version 4 kept with the older counts and dates', async () => {
    const before = await graph.read(cypher('connections/stored'));
    expect(await widenLinks(graph)).toBeGreaterThan(0);
    expect(await graph.read(cypher('connections/stored'))).not.toEqual(before);
    await graph.write("MATCH (m:GuanxiMeta {key: 'connections'}) SET m.version = 4");
    expect(await ensureConnectionLayer(graph)).toBe(true);
    expect(await graph.read(cypher('connections/stored'))).toEqual(before);
    await expectExact(graph);
  });

  it('joins the samples that a version-5 layer kept as lists, in place', async () => {
    const before = await graph.read(cypher('connections/stored'));
    const listed = `MATCH ()-[c:CO_MENTIONED]->() WHERE c.evidence IS :: LIST<STRING> NOT NULL RETURN count(c) AS n`;
    await graph.write(`MATCH ()-[c:CO_MENTIONED]->()
                       SET c.evidence = split(c.evidence, '\\u001e'), c.evidenceArticles = split(c.evidenceArticles, '\\u001e')`);
    expect((await graph.read<{ n: number }>(listed))[0]!.n).toBeGreaterThan(0);
    await graph.write("MATCH (m:GuanxiMeta {key: 'connections'}) SET m.version = 5");
    expect(await ensureConnectionLayer(graph)).toBe(true);
    expect((await graph.read<{ n: number }>(listed))[0]!.n).toBe(0);
    expect(await graph.read(cypher('connections/stored'))).toEqual(before);
    await expectExact(graph);
  });

  it('follows deletes, down to nothing', async () => {
    const ids = (await graph.read<{ id: string }>('MATCH (a:Article) RETURN a.id AS id ORDER BY a.date, a.id')).map((r) => r.id);
    await deleteArticles(graph, ids.filter((_, i) => i % 2 === 0));
    await expectExact(graph);
    await deleteArticles(graph, ids.slice(0, 25));
    await expectExact(graph);
    await deleteArticles(graph, ids);
    expect(await expectExact(graph)).toBe(0);
  });

  it('makes a writer of a pair another transaction is creating wait for it, then add to it', async () => {
    await graph.write("CREATE (:Entity {id: 'race-a', name: 'race-a'}), (:Entity {id: 'race-b', name: 'race-b'})");
    const pairs = [{ x: 'race-a', y: 'race-b', weight: 1, articles: 1, firstDate: null, lastDate: null, evidence: [], evidenceArticles: [] }];
    const params = { pairs, sentences: [], evidence: CONNECTION_EVIDENCE };
    const first = graph.driver.session({ database: graph.database });
    const second = graph.driver.session({ database: graph.database });
    const creator = first.beginTransaction();
    const follower = second.beginTransaction();
    try {
      await creator.run(cypher('connections/add-pairs'), params);
      let settled = false;
      const following = (async () => {
        await follower.run(cypher('connections/add-pairs'), params);
        await follower.commit();
      })().finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The pair's key is locked by its lookup: the follower neither misses the new pair nor fails on it.
      expect(settled).toBe(false);
      await creator.commit();
      await following;
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    const links = await graph.read("MATCH (:Entity {id: 'race-a'})-[c:CO_MENTIONED]-() RETURN c.pair AS pair, c.weight AS weight, c.articles AS articles");
    expect(links).toEqual([{ pair: 'race-a\u001frace-b', weight: 2, articles: 2 }]);
    await graph.write("MATCH (e:Entity) WHERE e.id STARTS WITH 'race-' DETACH DELETE e");
  });

  it('stays exact when several imports write the same new pairs at once', async () => {
    const extractor = createExtractor();
    const prepared: PreparedArticle[] = [];
    for await (const item of readInputs([path.join(tmp, 'corpus.jsonl')])) {
      if (item.kind === 'article') prepared.push({ article: item.article, extraction: extractor.extract(item.article), hash: articleHash(item.article) });
    }
    // Four writers, each a slice of articles that name the same hubs: their batches create the same pairs.
    await Promise.all([0, 1, 2, 3].map((w) => writeBatch(graph, prepared.slice(0, 40).filter((_, i) => i % 4 === w))));
    expect(await expectExact(graph)).toBeGreaterThan(100);
  });
});
