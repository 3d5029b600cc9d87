/**
 * One export: resolve the scope, then stream nodes and edges from Neo4j through a format's writer,
 * page by page. Used by `guanxi export`, `GET /export` and `npm run bench:export`.
 */
import type { ExportMeta, ExportSummary, GraphWriter } from '@guanxi/shared';
import type { Graph } from '../graph/db.ts';
import { edgeBatches, nodeBatches, planExport, PAGE } from './read.ts';
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
  /** Entities or articles a page holds (their nodes, then their links). */
  page?: number;
  /** Co-mentions a read holds (a hub's come in several reads). */
  rows?: number;
  now?: Date;
}

export function exportMeta(scope: ExportScope, collection: string, generator = 'guanxi', now = new Date()): ExportMeta {
  return { description: describeScope(scope), exportedAt: now.toISOString(), filters: scopeFilters(scope), collection, generator };
}

export async function runExport(graph: Graph, scope: ExportScope, writer: GraphWriter, options: ExportOptions): Promise<ExportSummary> {
  const plan = await planExport(graph, scope, options.page ?? PAGE);
  const progress: ExportProgress = { visited: 0, total: plan.size * 2, nodes: 0, edges: 0 };
  const report = () => options.onProgress?.({ ...progress, total: Math.max(progress.total, progress.visited) });
  await writer.begin(exportMeta(scope, options.collection, options.generator, options.now));
  report();
  for await (const batch of nodeBatches(graph, plan)) {
    await writer.nodes(batch);
    progress.nodes += batch.length;
    progress.visited += batch.length;
    report();
  }
  for await (const { edges, visited } of edgeBatches(graph, plan, scope, options.rows)) {
    if (edges.length > 0) await writer.edges(edges);
    progress.edges += edges.length;
    progress.visited += visited;
    report();
  }
  const summary = { nodes: progress.nodes, edges: progress.edges, truncated: plan.truncated };
  await writer.end(summary);
  return summary;
}

/** Which database an export came from, for its metadata. */
export function collectionName(graph: Graph): string {
  const where = graph.options.name ?? 'Neo4j';
  return graph.database ? `${where}, database ${graph.database}` : where;
}
