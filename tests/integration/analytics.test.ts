/**
 * `guanxi analyze` end to end on a real Neo4j: the CLI reads a synthetic collection's connection
 * graph, stores the metrics, and they equal networkx's on the same graph read independently here;
 * the API then ranks entities by them page after page, in the order the stored values give.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticCorpus } from '../../server/src/bench/corpus.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { maxDifference, networkx, type NetworkxFigures } from '../networkx/run.ts';
import { startApi, type Api } from './api-client.ts';
import { emptyDatabase, testGraph } from './graph.ts';

interface Stored {
  id: string;
  type: string;
  degree: number;
  weightedDegree: number;
  pagerank: number;
  betweenness: number;
  community: number;
  metricsAt: string;
  types: string[];
}

const STORED = `
MATCH (e:Entity)
RETURN e.id AS id, e.type AS type, e.degree AS degree, e.weightedDegree AS weightedDegree, e.pagerank AS pagerank,
       e.betweenness AS betweenness, e.community AS community, toString(e.metricsAt) AS metricsAt,
       [valueType(e.degree), valueType(e.weightedDegree), valueType(e.pagerank), valueType(e.community), valueType(e.metricsAt)] AS types
ORDER BY id`;

// The connection graph as this test reads it, not as graph/analytics.ts does.
const LINKS = `
MATCH (a:Entity)-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN]->(b:Entity)
RETURN a.id AS source, b.id AS target, CASE type(r) WHEN 'CO_MENTIONED' THEN r.weight + r.articles ELSE 1 END AS weight`;

function analyze(args: string[]) {
  const { uri, user, password, database } = inject('neo4j');
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  delete env.NEO4J_DATABASE;
  if (database) env.NEO4J_DATABASE = database;
  return spawnSync(process.execPath, ['server/bin/guanxi.js', 'analyze', ...args], { env, encoding: 'utf8', timeout: 110_000 });
}

describe('guanxi analyze', () => {
  let graph: Graph;
  let api: Api;
  let tmp: string;
  let stored: Stored[];
  let theirs: NetworkxFigures;
  let summary: { entities: number; written: number; communities: number; modularity: number; betweenness: { exact: boolean } };

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-analytics-'));
    const file = path.join(tmp, 'corpus.jsonl');
    fs.writeFileSync(file, [...syntheticCorpus(60, 5)].map((a) => JSON.stringify(a)).join('\n'));
    await runImport(graph, readInputs([file, path.resolve('samples/gaoxin-2020-05.txt')]), new ExtractionPool({ workers: 0 }), { batchSize: 20, dryRun: false });
    const run = analyze(['--json', '--betweenness-samples', '100000']);
    expect(run.status, run.stderr).toBe(0);
    summary = JSON.parse(run.stdout);
    stored = await graph.read<Stored>(STORED);
    const links = await graph.read<{ source: string; target: string; weight: number }>(LINKS);
    const partition = Object.fromEntries(stored.map((s) => [s.id, s.community]));
    theirs = networkx({ nodes: stored.map((s) => s.id), links, partition });
    api = await startApi(graph);
  });
  afterAll(async () => {
    await api?.close();
    await emptyDatabase(graph);
    await graph.driver.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('stores every metric on every entity, with the agreed types and the time of computation', () => {
    expect(stored.length).toBeGreaterThan(100);
    expect(summary).toMatchObject({ entities: stored.length, written: stored.length, betweenness: { exact: true } });
    for (const s of stored) {
      expect(s.types, s.id).toEqual(['INTEGER NOT NULL', 'FLOAT NOT NULL', 'FLOAT NOT NULL', 'INTEGER NOT NULL', 'ZONED DATETIME NOT NULL']);
    }
    expect(new Set(stored.map((s) => s.metricsAt)).size).toBe(1);
    expect(Math.abs(Date.parse(stored[0]!.metricsAt) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('agrees with networkx on the stored graph', () => {
    const of = (name: 'degree' | 'weightedDegree' | 'pagerank' | 'betweenness') => new Map(stored.map((s) => [s.id, s[name]]));
    expect(maxDifference(of('degree'), theirs.degree)).toBe(0);
    expect(maxDifference(of('weightedDegree'), theirs.weightedDegree)).toBe(0);
    expect(maxDifference(of('pagerank'), theirs.pagerank)).toBeLessThan(1e-6);
    expect(maxDifference(of('betweenness'), theirs.betweenness)).toBeLessThan(1e-9);
    expect(Math.abs(summary.modularity - theirs.modularity!)).toBeLessThan(1e-9);
    expect(Math.abs(theirs.modularity! - theirs.networkxModularity)).toBeLessThan(0.01);
    expect(summary.communities).toBe(new Set(stored.map((s) => s.community)).size);
  });

  async function allPages(args: string, first: number) {
    const items: { value: number; count: number | null; node: { id: string; pagerank: number; community: number } }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 500; page++) {
      const d = await api.data(
        `query($after: String) { entities(${args} first: ${first}, after: $after) { edges { value count node { id pagerank community } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      items.push(...d.entities.edges);
      if (!d.entities.pageInfo.hasNextPage) return items;
      after = d.entities.pageInfo.endCursor;
    }
    throw new Error('more than 500 pages');
  }

  it('ranks entities by PageRank page after page, as the stored values order them', async () => {
    const expected = [...stored].sort((a, b) => b.pagerank - a.pagerank || (a.id < b.id ? 1 : -1));
    const pages = await allPages('orderBy: PAGERANK,', 9);
    expect(pages.map((e) => [e.node.id, e.value])).toEqual(expected.map((s) => [s.id, s.pagerank]));
    expect(pages[0]!.count).toBeNull();
    expect(pages[0]!.node.pagerank).toBe(expected[0]!.pagerank);
  });

  it('ranks the people by betweenness and all by degree', async () => {
    const people = stored.filter((s) => s.type === 'Person').sort((a, b) => b.betweenness - a.betweenness || (a.id < b.id ? 1 : -1));
    const pages = await allPages('type: Person, orderBy: BETWEENNESS,', 11);
    expect(pages.map((e) => [e.node.id, e.value])).toEqual(people.map((s) => [s.id, s.betweenness]));
    const byDegree = [...stored].sort((a, b) => b.degree - a.degree || (a.id < b.id ? 1 : -1));
    const degrees = await allPages('orderBy: DEGREE,', 50);
    expect(degrees.map((e) => [e.node.id, e.count])).toEqual(byDegree.map((s) => [s.id, s.degree]));
  });

  it('refuses a period with a metric order; an entity not yet analyzed has null metrics and is not ranked', async () => {
    const result = await api.gql('{ entities(orderBy: PAGERANK, from: "2020-01-01") { edges { value } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // An entity imported after the analysis has no metrics yet: null in the API, absent from the ranking.
    await graph.write("CREATE (:Entity {id: 'Person:新来者', type: 'Person', name: '新来者', articles: 0, connections: 0})");
    const d = await api.data('{ entity(id: "Person:新来者") { pagerank community metricsAt } }');
    expect(d.entity).toEqual({ pagerank: null, community: null, metricsAt: null });
    const ranked = await allPages('orderBy: WEIGHTED_DEGREE,', 200);
    expect(ranked.map((e) => e.node.id)).not.toContain('Person:新来者');
    expect(ranked).toHaveLength(stored.length);
  });
});
