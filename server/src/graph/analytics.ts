import { addEntity, addLink, createConnectionGraph, type Analysis, type ConnectionGraph } from '@guanxi/shared/analytics';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** Reading the whole connection graph for `guanxi analyze`, and writing its metrics back. */

export async function countEntities(graph: Graph): Promise<number> {
  const [row] = await graph.read<{ entities: number }>(cypher('analytics/count-entities'));
  return row?.entities ?? 0;
}

/**
 * The connection graph, a page of entities (and the links that start at them) a read transaction:
 * no transaction holds the whole graph, and memory holds the graphology graph only. Pages are read
 * one after another while imports may go on, so a link added meanwhile may or may not be seen.
 */
export async function readConnectionGraph(
  graph: Graph,
  { pageSize = 5_000, onPage }: { pageSize?: number; onPage?: (entities: number, links: number) => void } = {},
): Promise<ConnectionGraph> {
  const result = createConnectionGraph();
  let after = '';
  let entities = 0;
  let links = 0;
  for (;;) {
    const rows = await graph.read<{ id: string; targets: string[]; weights: number[] }>(cypher('analytics/links-page'), { after, first: pageSize });
    if (rows.length === 0) return result;
    for (const row of rows) {
      addEntity(result, row.id);
      row.targets.forEach((target, i) => addLink(result, { source: row.id, target, weight: row.weights[i]! }));
      links += row.targets.length;
    }
    entities += rows.length;
    onPage?.(entities, links);
    after = rows.at(-1)!.id;
  }
}

/** The metrics onto the entities, a batch a write transaction (parameterized UNWIND). */
export async function writeMetrics(
  graph: Graph,
  analysis: Analysis,
  at: Date,
  { batchSize = 5_000, onBatch }: { batchSize?: number; onBatch?: (written: number) => void } = {},
): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let written = 0;
  const flush = async () => {
    const [row] = await graph.write<{ written: number }>(cypher('analytics/write-metrics'), { rows: batch, at: at.toISOString() });
    written += row?.written ?? 0;
    batch = [];
    onBatch?.(written);
  };
  for (const [id, m] of analysis.metrics) {
    batch.push({ id, ...m });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}
