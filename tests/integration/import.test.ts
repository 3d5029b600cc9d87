import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import type { Graph } from '../../server/src/graph/db.ts';
import { deleteArticles, articleIdsBySource } from '../../server/src/graph/store.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { counts, emptyDatabase, testGraph } from './graph.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');
const pool = new ExtractionPool({ workers: 0 });
const importFiles = (graph: Graph | null, files: string[], dryRun = false) =>
  runImport(graph, readInputs(files), pool, { batchSize: 50, dryRun });

describe('import into Neo4j', () => {
  let graph: Graph;
  let tmp: string;

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-import-'));
  });
  afterAll(async () => {
    await emptyDatabase(graph);
    await graph.driver.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('--dry-run reads and extracts but writes nothing', async () => {
    const summary = await importFiles(null, [SAMPLE], true);
    expect(summary.read).toBe(5);
    expect(summary.entities).toBeGreaterThan(20);
    expect((await counts(graph)).nodes).toBe(0);
  });

  it('writes the five articles of the sample page with their entities, authors and positions', async () => {
    const summary = await importFiles(graph, [SAMPLE]);
    expect(summary).toMatchObject({ read: 5, created: 5, updated: 0, unchanged: 0, failed: 0 });
    const after = await counts(graph);
    expect(after.articles).toBe(5);
    expect(after.entities).toBeGreaterThan(20);

    const [wang] = await graph.read<{ articles: number; labels: string[] }>(
      "MATCH (p:Entity {id: 'Person:王新亭'}) RETURN labels(p) AS labels, COUNT { (p)<-[:MENTIONS]-(:Article) } AS articles",
    );
    expect(wang?.labels.sort()).toEqual(['Entity', 'Person']);
    expect(wang?.articles).toBeGreaterThanOrEqual(2);

    const authors = await graph.read<{ name: string }>('MATCH (p:Person)-[:WROTE]->(:Article) RETURN DISTINCT p.name AS name');
    expect(authors.map((a) => a.name)).toEqual(expect.arrayContaining(['李颖', '孙庆辉']));

    const positions = await graph.read<{ title: string; evidence: string }>(
      "MATCH (:Person {name: '王新亭'})-[r:HOLDS_POSITION]->(:Organization) RETURN r.title AS title, r.evidence AS evidence",
    );
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.every((p) => p.evidence.includes('王新亭'))).toBe(true);

    const [mention] = await graph.read<{ offsets: number[]; body: string }>(
      "MATCH (a:Article)-[m:MENTIONS]->(:Entity {id: 'Person:王新亭'}) RETURN m.offsets AS offsets, a.body AS body LIMIT 1",
    );
    expect(mention!.body.slice(mention!.offsets[0], mention!.offsets[1])).toBe('王新亭');
  });

  it('importing the same file again changes nothing', async () => {
    const before = await counts(graph);
    const summary = await importFiles(graph, [SAMPLE]);
    expect(summary).toMatchObject({ read: 5, unchanged: 5, created: 0, updated: 0 });
    expect(await counts(graph)).toEqual(before);
  });

  it('a changed article (same url) is updated in place and entities left without evidence go', async () => {
    const feed = path.join(tmp, 'feed.jsonl');
    const record = (body: string) =>
      JSON.stringify({ url: 'https://example.org/news/1', title: '结对帮扶', date: '2020-05-07', source: 'feed', body });
    fs.writeFileSync(feed, `${record('洛宁县委副书记周建华主持会议，郑州圆方集团董事长薛荣出席。')}\n`);
    expect(await importFiles(graph, [feed])).toMatchObject({ created: 1, updated: 0 });
    expect(await graph.read("MATCH (e:Person {name: '周建华'}) RETURN e")).toHaveLength(1);

    fs.writeFileSync(feed, `${record('洛宁县县长王清华主持会议。')}\n`);
    expect(await importFiles(graph, [feed])).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await graph.read("MATCH (e:Person {name: '周建华'}) RETURN e")).toHaveLength(0);
    expect(await graph.read("MATCH (e:Person {name: '王清华'})<-[:MENTIONS]-(:Article) RETURN e")).toHaveLength(1);
    expect((await counts(graph)).articles).toBe(6);

    const ids = await articleIdsBySource(graph, 'feed');
    expect(await deleteArticles(graph, ids)).toMatchObject({ deleted: 1 });
    expect(await graph.read("MATCH (e:Person {name: '王清华'}) RETURN e")).toHaveLength(0);
  });

  it('an article given twice in one import is written once; a later, changed copy updates it', async () => {
    const feed = path.join(tmp, 'repeats.jsonl');
    const record = (url: string, body: string) => JSON.stringify({ url, title: '会议', date: '2020-05-07', source: 'repeats', body });
    const first = record('https://example.org/a', '洛宁县委副书记周建华主持会议。');
    fs.writeFileSync(feed, [first, first, record('https://example.org/b', '卢氏县县长王清华出席。'), record('https://example.org/a', '洛宁县县长王清华主持会议。')].join('\n'));
    // Batches of two: the repeat sits in the first batch, the changed copy in the second.
    const summary = await runImport(graph, readInputs([feed]), pool, { batchSize: 2, dryRun: false });
    expect(summary).toMatchObject({ read: 4, created: 2, unchanged: 1, updated: 1, failed: 0, written: 3 });
    const rows = await graph.read<{ body: string; mentions: number }>(
      "MATCH (a:Article {source: 'repeats'}) RETURN a.body AS body, COUNT { (a)-[:MENTIONS]->() } AS mentions ORDER BY a.url",
    );
    expect(rows.map((r) => r.body)).toEqual(['洛宁县县长王清华主持会议。', '卢氏县县长王清华出席。']);
    expect(await graph.read("MATCH (e:Person {name: '周建华'}) RETURN e")).toHaveLength(0);
    await deleteArticles(graph, await articleIdsBySource(graph, 'repeats'));
  });

  it('delete by source removes the articles and every entity only they supported', async () => {
    const ids = await articleIdsBySource(graph, 'gaoxin-2020-05');
    expect(ids).toHaveLength(5);
    const result = await deleteArticles(graph, ids);
    expect(result.deleted).toBe(5);
    expect(await counts(graph)).toMatchObject({ nodes: 0, relationships: 0 });
  });
});
