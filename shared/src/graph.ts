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

/** Why a search hit matched, best reason first: exact name, alias, pinyin, name prefix, text. */
export type SearchMatch = 'NAME' | 'ALIAS' | 'PINYIN' | 'PREFIX' | 'TEXT';

/** A search result: an entity or an article. */
export interface SearchHit {
  id: string;
  type: NodeType;
  label: string;
  score: number;
  /** Entities: how many articles mention them; null for articles. */
  articles: number | null;
  /** Articles: their date; null for entities. */
  date: string | null;
  matchedBy: SearchMatch;
  /** Older clients' text: "2 articles" for entities, the date for articles. */
  detail: string | null;
}
