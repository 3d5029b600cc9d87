import { edgeId, parseEdgeId, type EdgeType, type GraphEdge, type GraphNode, type NodeType, type SearchHit, type Subgraph } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** The read side of the graph: what the explorer asks. Each function is one question. */

export { edgeId, parseEdgeId };

/** Links of a node read at most, per hop: a hub's neighbours are ranked from a bounded sample. */
export const HUB_SCAN = 10_000;

/**
 * Nodes a hop may add when `hopsLeft` hops share `room`: an even share, so that a deeper view is
 * not the first hop alone (a hub fills any limit with its direct neighbours).
 */
export function hopBudget(room: number, hopsLeft: number): number {
  return hopsLeft <= 1 ? room : Math.ceil(room / hopsLeft);
}

/** Article dates to keep, inclusive, as YYYY-MM-DD; either end open. */
export interface DateWindow {
  from?: string | null;
  to?: string | null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneEscape(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
}

/** Words Lucene's query parser reads as operators even with every special character escaped. */
const LUCENE_OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);

/**
 * Any text as a Lucene query that matches its words and nothing more: special characters escaped,
 * operator words quoted (a quoted word is a term, never an operator), control characters dropped.
 */
export function luceneQuery(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (LUCENE_OPERATORS.has(word) ? `"${word}"` : luceneEscape(word)))
    .join(' ');
}

export async function search(graph: Graph, text: string, types: NodeType[] | null, first: number): Promise<SearchHit[]> {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const query = luceneQuery(trimmed);
  if (!query) return [];
  const params = { text: trimmed, query, first };
  const entityTypes = types?.filter((t) => t !== 'Article') ?? null;
  const hits: SearchHit[] = [];
  if (!types || entityTypes!.length > 0) {
    const rows = await graph.read<{ id: string; type: NodeType; label: string; score: number; articles: number }>(
      cypher('api/search-entities'),
      { ...params, types: entityTypes },
    );
    hits.push(...rows.map((r) => ({ ...r, detail: `${r.articles} article${r.articles === 1 ? '' : 's'}` })));
  }
  if (!types || types.includes('Article')) {
    const rows = await graph.read<{ id: string; label: string; score: number; date: string | null }>(
      cypher('api/search-articles'),
      params,
    );
    hits.push(...rows.map((r) => ({ id: r.id, type: 'Article' as const, label: r.label, score: r.score, detail: r.date })));
  }
  // Entities answer "who/what is this" and come first; articles fill what is left.
  return hits.slice(0, first);
}

export async function nodes(graph: Graph, ids: string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  return graph.read<{ id: string; type: NodeType; label: string; weight: number }>(cypher('api/nodes'), { ids });
}

type EdgeRow = { source: string; type: EdgeType; target: string; weight: number; titles: string[] };

export async function edgesAmong(graph: Graph, ids: string[]): Promise<GraphEdge[]> {
  if (ids.length === 0) return [];
  return toEdges(await graph.read<EdgeRow>(cypher('api/edges-among'), { ids }));
}

/** The whole graph, for exports. */
export async function wholeGraph(graph: Graph): Promise<Subgraph> {
  const [found, edges] = await Promise.all([
    graph.read<GraphNode>(cypher('export/all-nodes')),
    graph.read<EdgeRow>(cypher('export/all-edges')),
  ]);
  return { nodes: found, edges: toEdges(edges), truncated: false };
}

function toEdges(rows: EdgeRow[]): GraphEdge[] {
  return rows.map((r) => ({
    id: edgeId(r.source, r.type, r.target),
    source: r.source,
    target: r.target,
    type: r.type,
    label: r.titles.length > 0 ? r.titles.join('、') : undefined,
    weight: r.weight,
  }));
}

/** The subgraph induced by these node ids: their nodes and every edge between them. */
export async function subgraph(graph: Graph, ids: string[], truncated = false): Promise<Subgraph> {
  const [found, edges] = await Promise.all([nodes(graph, ids), edgesAmong(graph, ids)]);
  return { nodes: found, edges, truncated };
}

/**
 * Nodes within `depth` hops of `ids`, at most `limit` in all, most strongly tied first.
 * Expanded hop by hop because Cypher cannot take a variable-length bound as a parameter.
 */
export async function neighborhood(
  graph: Graph,
  ids: string[],
  depth: number,
  limit: number,
  types: NodeType[] | null,
  window: DateWindow = {},
): Promise<Subgraph> {
  const seen = new Set(ids);
  let frontier = ids;
  let truncated = false;
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const room = hopBudget(limit - seen.size, depth - hop);
    if (room <= 0) {
      truncated = true;
      break;
    }
    const rows = await graph.read<{ id: string }>(cypher('api/neighbors'), {
      ids: frontier,
      exclude: [...seen],
      types,
      limit: room + 1,
      scan: HUB_SCAN,
      from: window.from ?? null,
      to: window.to ?? null,
    });
    if (rows.length > room) truncated = true;
    frontier = rows.slice(0, room).map((r) => r.id);
    for (const id of frontier) seen.add(id);
  }
  return subgraph(graph, [...seen], truncated);
}

export interface Stats {
  articles: number;
  entities: number;
  relationships: number;
  connections: number;
  byType: { type: NodeType; count: number }[];
}

export async function stats(graph: Graph): Promise<Stats> {
  const [row] = await graph.read<Stats>(cypher('api/stats'));
  return row ?? { articles: 0, entities: 0, relationships: 0, connections: 0, byType: [] };
}
