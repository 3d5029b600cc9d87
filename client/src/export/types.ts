import type { GraphEdge, GraphNode } from '@guanxi/shared';

/** The graph to export: exactly what is visible on the canvas. */
export interface ExportGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
