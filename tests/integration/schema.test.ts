import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../server/src/graph/db.ts';
import { cypher } from '../../server/src/graph/cypher.ts';
import { search } from '../../server/src/graph/explore.ts';
import { applySchema } from '../../server/src/graph/store.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { emptyDatabase, testGraph } from './graph.ts';

const SAMPLE = path.resolve('samples/gaoxin-2020-05.txt');

describe('schema', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
  });
  afterAll(async () => {
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  it('upgrades the synchronous full-text index of an older database, and an import is searchable when it returns', async () => {
    // The index as guanxi created it before it was eventually consistent.
    await graph.write(cypher('schema/drop-article-search'));
    await graph.write(
      "CREATE FULLTEXT INDEX article_search FOR (a:Article) ON EACH [a.title, a.body] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } }",
    );
    const before = await graph.read<{ name: string; eventuallyConsistent: boolean }>(cypher('schema/fulltext-configs'));
    expect(before).toContainEqual({ name: 'article_search', eventuallyConsistent: false });

    await applySchema(graph);
    const after = await graph.read<{ name: string; eventuallyConsistent: boolean }>(cypher('schema/fulltext-configs'));
    expect(after.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'article_search', eventuallyConsistent: true },
      { name: 'entity_search', eventuallyConsistent: true },
    ]);

    const pool = new ExtractionPool({ workers: 0 });
    await runImport(graph, readInputs([SAMPLE]), pool, { batchSize: 50, dryRun: false });
    await pool.close();
    // 帮扶基金 is in a body and in no title, so only the full-text index can find it.
    const hits = await search(graph, '帮扶基金', ['Article'], 10);
    expect(hits.length).toBeGreaterThan(0);
  });
});
