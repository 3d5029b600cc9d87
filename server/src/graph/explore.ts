import { edgeId, parseEdgeId, type EdgeType, type GraphEdge, type GraphNode, type NodeType, type Subgraph } from '@guanxi/shared';
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

// Search lives in search.ts; re-exported for callers that know it here.
export { luceneEscape, luceneQuery, search } from './search.ts';

export async function nodes(graph: Graph, ids: string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  return graph.read<{ id: string; type: NodeType; label: string; weight: number }>(cypher('api/nodes'), { ids });
}

type EdgeRow = { source: string; type: EdgeType; target: string; weight: number; titles: string[] };

export async function edgesAmong(graph: Graph, ids: string[]): Promise<GraphEdge[]> {
  if (ids.length === 0) return [];
  return toEdges(await graph.read<EdgeRow>(cypher('api/edges-among'), { ids }));
}

/** Edge rows (one per source, type, target, parallel relations folded) as Cytoscape edges. */
export function toEdges(rows: (EdgeRow & { articles?: number; firstDate?: string | null; lastDate?: string | null })[]): GraphEdge[] {
  return rows.map((r) => ({
    id: edgeId(r.source, r.type, r.target),
    source: r.source,
    target: r.target,
    type: r.type,
    label: r.titles.length > 0 ? r.titles.join('、') : undefined,
    weight: r.weight,
    articles: r.articles,
    firstDate: r.firstDate?.slice(0, 10) ?? undefined,
    lastDate: r.lastDate?.slice(0, 10) ?? undefined,
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
