import type { EdgeType, NodeType } from './entities.ts';

/** A node as the API returns it, shaped for Cytoscape's `data`. */
export interface GraphNode {
  id: string;
  type: NodeType;
  label: string;
  /** Number of articles behind an entity, or mentions in an article. */
  weight?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: EdgeType;
  label?: string;
  weight?: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** A search result: an entity or an article. */
export interface SearchHit {
  id: string;
  type: NodeType;
  label: string;
  score: number;
  /** For articles, the date; for entities, how many articles name them. */
  detail: string | null;
}
