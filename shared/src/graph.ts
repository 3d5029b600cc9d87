import { EDGE_TYPES, type EdgeType, type NodeType } from './entities.ts';

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
  /** A position's title(s), for HOLDS_POSITION. */
  label?: string;
  /** Co-mentions: sentences naming both; other types: how many statements were folded in. */
  weight?: number;
  /** Articles behind the edge. */
  articles?: number;
  /** First and last article date behind the edge (ISO), when known. */
  firstDate?: string;
  lastDate?: string;
}

/**
 * Edge ids a person can read and paste back into a query: `source~TYPE~target`, e.g.
 * `Person:王新亭~HOLDS_POSITION~Organization:高新区管委会`. The type comes from the fixed list, so
 * the id parses back even when a name holds a `~`.
 */
export function edgeId(source: string, type: EdgeType, target: string): string {
  return `${source}~${type}~${target}`;
}

const EDGE_ID = new RegExp(`^(.+?)~(${EDGE_TYPES.join('|')})~(.+)$`, 's');

export function parseEdgeId(id: string): { source: string; type: EdgeType; target: string } | null {
  const match = EDGE_ID.exec(id);
  return match ? { source: match[1]!, type: match[2] as EdgeType, target: match[3]! } : null;
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
