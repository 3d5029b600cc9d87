/**
 * One export: resolve the scope, then stream nodes and edges from Neo4j through a format's writer,
 * page by page. Used by `guanxi export`, `GET /export` and `npm run bench:export`.
 */
import type { ExportMeta, ExportSummary, GraphWriter } from '@guanxi/shared';
import type { Graph } from '../graph/db.ts';
import { HEAP_GROWING_PERCENT, withBoundedHeapGrowth } from './heap.ts';
import { planExport } from './plan.ts';
import { PAGE, readEdges, readNodes, ROWS, setUpLinks } from './read.ts';
import { describeScope, scopeFilters, type ExportScope } from './scope.ts';

export interface ExportProgress {
  /** Entities and articles whose node and links are written (each counts twice: node, links). */
  visited: number;
  total: number;
  nodes: number;
  edges: number;
}

export interface ExportOptions {
  collection: string;
  generator?: string;
  onProgress?: (progress: ExportProgress) => void;
  /** Entities or articles a read (their nodes, then their links). */
  page?: number;
  /** Co-mention pairs a read (a hub's come in several reads). */
  rows?: number;
  /** Rows the driver fetches at once, and rows handed to the writer at once. */
  fetchSize?: number;
  batch?: number;
  /** Reads at once for a whole export's links (read.ts, PARALLEL); 1: one after another. */
  parallel?: number;
  /** Rows taken off the driver ahead of the writer (read.ts, READ_AHEAD). */
  readAhead?: number;
  now?: Date;
  /** Old-generation growth over what survived, while the export runs (export/heap.ts); 0: V8's own. */
  heapGrowingPercent?: number;
}

/**
 * Nodes or edges a writer is given at once: the text of a call stays well under ~128 KB, past which
 * V8 allocates a string straight in the old generation (a batch of 1,000 edges is up to a megabyte
 * of Chinese, two bytes a character). The peak RSS it was meant to cut did not fall measurably
 * (docs/benchmarks.md, bench:export): that was V8's heap growing with promoted garbage, held down
 * by smaller fetches (read.ts) and a bounded growth (heap.ts).
 */
const WRITE_SLICE = 64;

export function exportMeta(scope: ExportScope, collection: string, generator = 'guanxi', now = new Date()): ExportMeta {
  return { description: describeScope(scope), exportedAt: now.toISOString(), filters: scopeFilters(scope), collection, generator };
}

export async function runExport(graph: Graph, scope: ExportScope, writer: GraphWriter, options: ExportOptions): Promise<ExportSummary> {
  const percent = options.heapGrowingPercent ?? HEAP_GROWING_PERCENT;
  return percent > 0 ? withBoundedHeapGrowth(() => streamExport(graph, scope, writer, options), percent) : streamExport(graph, scope, writer, options);
}

async function streamExport(graph: Graph, scope: ExportScope, writer: GraphWriter, options: ExportOptions): Promise<ExportSummary> {
  const plan = await planExport(graph, scope);
  const read = { page: options.page ?? PAGE, rows: options.rows ?? ROWS, fetchSize: options.fetchSize, batch: options.batch, parallel: options.parallel, readAhead: options.readAhead };
  const progress: ExportProgress = { visited: 0, total: plan.size, nodes: 0, edges: 0 };
  const report = () => options.onProgress?.({ ...progress, total: Math.max(progress.total, progress.visited) });
  await writer.begin(exportMeta(scope, options.collection, options.generator, options.now));
  report();
  // The links' setup (refs read ahead, split points) runs beside the nodes' read; a failure of it
  // is thrown by readEdges, or dropped if the nodes' read fails first.
  const setup = setUpLinks(graph, plan, read);
  setup.catch(() => {});
  await readNodes(graph, plan, scope, async (batch) => {
    for (let i = 0; i < batch.length; i += WRITE_SLICE) await writer.nodes(batch.slice(i, i + WRITE_SLICE));
    progress.nodes += batch.length;
    progress.visited += batch.length;
    report();
  }, read);
  await readEdges(graph, plan, scope, async (edges, visited) => {
    for (let i = 0; i < edges.length; i += WRITE_SLICE) await writer.edges(edges.slice(i, i + WRITE_SLICE));
    progress.edges += edges.length;
    progress.visited += visited;
    report();
  }, read, setup);
  const summary = { nodes: progress.nodes, edges: progress.edges, truncated: plan.truncated };
  await writer.end(summary);
  return summary;
}

/** Which database an export came from, for its metadata. */
export function collectionName(graph: Graph): string {
  const where = graph.options.name ?? 'Neo4j';
  return graph.database ? `${where}, database ${graph.database}` : where;
}
