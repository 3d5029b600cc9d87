import type { RecordShape } from 'neo4j-driver';
import { addEntity, addWeightedLink, createConnectionGraph, type Analysis, type ConnectionGraph } from '@guanxi/shared/analytics';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** Reading the whole connection graph for `guanxi analyze`, and writing its metrics back. */

export async function countEntities(graph: Graph): Promise<{ entities: number; pairs: number }> {
  const [row] = await graph.read<{ entities: number; pairs: number }>(cypher('analytics/count-entities'));
  return { entities: row?.entities ?? 0, pairs: row?.pairs ?? 0 };
}

/** The key of a co-mention pair: the ends' ids, smaller first, joined by U+001F (connections/add). */
const PAIR_SEPARATOR = '\u001f';

/**
 * The connection graph in three streamed passes of keyset pages, each page its own read transaction
 * (no transaction holds the whole graph, and memory holds the graphology graph only): the entities,
 * the co-mentions off the pair index (each pair once, no node touched), the typed relations an
 * entity page a read. Co-mentions come first so that a pair's edge is added once and a relation
 * (weight 1, never heavier than a co-mention) rarely has anything to fold. Pages are read one after
 * another while imports may go on, so a link added meanwhile may or may not be seen.
 */
export async function readConnectionGraph(
  graph: Graph,
  { pageSize = 50_000, onPage }: { pageSize?: number; onPage?: (read: number, links: number) => void } = {},
): Promise<ConnectionGraph> {
  const result = createConnectionGraph();
  let read = 0;
  let links = 0;
  const stream = <T extends RecordShape>(query: string, after: string, onRows: (rows: T[]) => void) =>
    graph.stream<T>(cypher(query), { after, page: pageSize }, (rows) => {
      onRows(rows);
      onPage?.(read, links);
    }, { batch: 5_000, fetchSize: 20_000 });
  // Pages of one query, the next after the key of the last row.
  const pages = async <T extends RecordShape>(query: string, onRows: (rows: T[]) => string | undefined) => {
    let after = '';
    for (;;) {
      let last: string | undefined;
      const n = await stream<T>(query, after, (rows) => (last = onRows(rows)));
      if (n < pageSize || last === undefined) return;
      after = last;
    }
  };

  await pages<{ id: string }>('analytics/entity-ids-page', (rows) => {
    for (const { id } of rows) addEntity(result, id);
    read += rows.length;
    return rows[rows.length - 1]!.id;
  });
  await pages<{ pair: string; weight: number }>('analytics/co-mentions-page', (rows) => {
    for (const { pair, weight } of rows) {
      const split = pair.indexOf(PAIR_SEPARATOR);
      addWeightedLink(result, pair.slice(0, split), pair.slice(split + 1), weight);
    }
    read += rows.length;
    links += rows.length;
    return rows[rows.length - 1]!.pair;
  });
  // An entity page gives a row an entity at least (relations-page): fewer sources than the page is the end.
  let after = '';
  for (;;) {
    let sources = 0;
    let last: string | undefined;
    await stream<{ source: string; target: string | null }>('analytics/relations-page', after, (rows) => {
      for (const { source, target } of rows) {
        if (source !== last) [sources, last, read] = [sources + 1, source, read + 1];
        if (target === null) continue;
        addWeightedLink(result, source, target, 1);
        links++;
      }
    });
    if (sources < pageSize || last === undefined) return result;
    after = last;
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
