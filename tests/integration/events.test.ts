/** Events (MET, DONATED_TO, FOUNDED…) and gazetteer-implied links written to Neo4j and read through the API. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../server/src/graph/db.ts';
import { deleteArticles } from '../../server/src/graph/store.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { startApi, type Api } from './api-client.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');
const WANG = 'Person:王新亭';

describe('events in the graph', () => {
  let graph: Graph;
  let api: Api;

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

  it('stores each event as a typed relationship with its sentence, date, confidence and trigger', async () => {
    const met = await graph.read<{ to: string; evidence: string; date: string; confidence: number; trigger: string }>(
      "MATCH (:Entity {id: 'Person:王新亭'})-[r:MET]->(m:Entity) RETURN m.name AS to, r.evidence AS evidence, r.date AS date, r.confidence AS confidence, r.trigger AS trigger ORDER BY to",
    );
    expect(met.map((r) => r.to)).toEqual(['吕海波', '李兴东']);
    for (const r of met) {
      expect(r.evidence).toContain('会见');
      expect(r.date).toBe('2020-05-07');
      expect(r.trigger).toBe('会见');
      expect(r.confidence).toBeGreaterThan(0.5);
    }
    const founders = await graph.read<{ name: string }>(
      "MATCH (f:Organization)-[:FOUNDED]->(:Organization {name: '郑州上汽永恒能源科技有限公司'}) RETURN f.name AS name ORDER BY name",
    );
    expect(founders.map((f) => f.name)).toEqual(['上汽集团', '永恒集团', '高新智慧运营集团']);
    const donors = await graph.read<{ n: number }>("MATCH (:Organization)-[r:DONATED_TO]->(:Place {name: '徐家湾乡'}) RETURN count(r) AS n");
    expect(donors[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('marks what the gazetteer implies instead of citing a sentence', async () => {
    const [implied] = await graph.read<{ source: string | null; evidence: string | null }>(
      "MATCH (:Place {name: '卢氏县'})-[r:PART_OF]->(:Place {name: '三门峡市'}) RETURN r.source AS source, r.evidence AS evidence LIMIT 1",
    );
    expect(implied).toEqual({ source: 'gazetteer', evidence: null });
    const stated = await graph.read<{ evidence: string }>(
      "MATCH (:Place {name: '徐家湾乡'})-[r:PART_OF]->(:Place {name: '卢氏县'}) WHERE r.source IS NULL RETURN r.evidence AS evidence",
    );
    expect(stated.length).toBeGreaterThan(0);
    for (const s of stated) expect(s.evidence).toMatch(/卢氏县?徐家湾乡|卢氏县.*徐家湾乡/);
  });

  it('returns events through the connections API, filtered by type, with their evidence', async () => {
    const answer = (await api.data(`{ connections(ids: ["${WANG}"], relTypes: [MET]) { edges { id source target type firstDate } } }`)).connections;
    expect(answer.edges.length).toBeGreaterThanOrEqual(2);
    expect(answer.edges.every((e: { type: string }) => e.type === 'MET')).toBe(true);
    const edge = answer.edges.find((e: { target: string }) => e.target === 'Person:李兴东');
    expect(edge).toMatchObject({ source: WANG, firstDate: '2020-05-07' });
    const detail = (await api.gql('query($id: ID!) { edge(id: $id) { type weight evidence { sentence article { id } } } }', { id: edge.id })).data.edge;
    expect(detail.type).toBe('MET');
    expect(detail.evidence[0].sentence).toContain('王新亭会见');
  });

  it('takes an article\'s events away with the article', async () => {
    const [row] = await graph.read<{ id: string }>("MATCH (a:Article)-[:MENTIONS]->(:Entity {name: '郑州上汽永恒能源科技有限公司'}) RETURN a.id AS id ORDER BY a.date LIMIT 1");
    const before = await graph.read<{ n: number }>('MATCH ()-[r:FOUNDED {articleId: $id}]->() RETURN count(r) AS n', { id: row!.id });
    expect(before[0]!.n).toBe(3);
    await deleteArticles(graph, [row!.id]);
    const after = await graph.read<{ n: number }>('MATCH ()-[r:FOUNDED {articleId: $id}]->() RETURN count(r) AS n', { id: row!.id });
    expect(after[0]!.n).toBe(0);
  });
});
