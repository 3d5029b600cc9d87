import type { ExportGraph } from './types.ts';

/** Same shape as the API's Subgraph (minus `truncated`), so it can be read back by tools or by us. */
export function toJson(graph: ExportGraph): string {
  return JSON.stringify({ nodes: graph.nodes, edges: graph.edges }, null, 2) + '\n';
}
