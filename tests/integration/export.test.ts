import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodesCsv, toGexf, toGraphml } from '@guanxi/shared';
import type { Graph } from '../../server/src/graph/db.ts';
import { neighborhood, wholeGraph } from '../../server/src/graph/explore.ts';
import { readInputs } from '../../server/src/ingest/index.ts';
import { ExtractionPool } from '../../server/src/importer/pool.ts';
import { runImport } from '../../server/src/importer/run.ts';
import { counts, emptyDatabase, testGraph } from './graph.ts';

describe('exports of the stored graph', () => {
  let graph: Graph;

  beforeAll(async () => {
    graph = await testGraph();
    await emptyDatabase(graph);
    await runImport(graph, readInputs([path.resolve('samples/gaoxin-2020-05.txt')]), new ExtractionPool({ workers: 0 }), {
      batchSize: 50,
      dryRun: false,
    });
  });
  afterAll(async () => {
    await emptyDatabase(graph);
    await graph.driver.close();
  });

  it('the whole graph has every node, and every edge joins two of them', async () => {
    const whole = await wholeGraph(graph);
    expect(whole.nodes).toHaveLength((await counts(graph)).nodes);
    const ids = new Set(whole.nodes.map((n) => n.id));
    expect(whole.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(XMLValidator.validate(toGraphml(whole))).toBe(true);
    expect(XMLValidator.validate(toGexf(whole))).toBe(true);
  });

  it('a selection exports only the neighbourhood', async () => {
    const around = await neighborhood(graph, ['Person:王新亭'], 1, 100, null);
    const rows = nodesCsv(around).trim().split('\r\n');
    expect(rows).toHaveLength(around.nodes.length + 1);
    expect(rows.some((row) => row.startsWith('Person:王新亭,Person,王新亭'))).toBe(true);
  });
});
