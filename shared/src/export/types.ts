import type { GraphEdge, GraphNode } from '../graph.ts';

/** The graph to export: exactly what is visible on the canvas. */
export interface ExportGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
