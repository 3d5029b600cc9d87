import { EDGE_TYPES, type EdgeType, type GraphEdge, type GraphNode, type NodeType, type Subgraph } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** The read side of the graph: what the explorer asks. Each function is one question. */

// Search lives in search.ts; re-exported for callers that know it here.
export { luceneEscape, luceneQuery, search } from './search.ts';

export async function nodes(graph: Graph, ids: string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  return graph.read<{ id: string; type: NodeType; label: string; weight: number }>(cypher('api/nodes'), { ids });
}

export function edgeId(source: string, type: EdgeType, target: string): string {
  return JSON.stringify([source, type, target]);
}

export function parseEdgeId(id: string): { source: string; type: EdgeType; target: string } | null {
  try {
    const [source, type, target] = JSON.parse(id) as unknown[];
    if (typeof source !== 'string' || typeof target !== 'string') return null;
    if (!(EDGE_TYPES as readonly unknown[]).includes(type)) return null;
    return { source, type: type as EdgeType, target };
  } catch {
    return null;
  }
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
): Promise<Subgraph> {
  const seen = new Set(ids);
  let frontier = ids;
  let truncated = false;
  for (let hop = 0; hop < depth && frontier.length > 0 && !truncated; hop++) {
    const room = limit - seen.size;
    if (room <= 0) {
      truncated = true;
      break;
    }
    const rows = await graph.read<{ id: string }>(cypher('api/neighbors'), {
      ids: frontier,
      exclude: [...seen],
      types,
      limit: room + 1,
    });
    if (rows.length > room) truncated = true;
    frontier = rows.slice(0, room).map((r) => r.id);
    for (const id of frontier) seen.add(id);
  }
  return subgraph(graph, [...seen], truncated);
}

export async function paths(graph: Graph, from: string, to: string, maxLength: number, first: number): Promise<Subgraph> {
  // A node is its own path; Neo4j's shortest-path search refuses the same start and end.
  if (from === to) return subgraph(graph, [from]);
  const rows = await graph.read<{ ids: string[] }>(cypher('api/paths'), { from, to, maxLength, first });
  return subgraph(graph, [...new Set(rows.flatMap((r) => r.ids))]);
}

export interface EdgeEvidence {
  articleId: string;
  sentence: string;
}

/** The evidence behind an explorer edge: for each relationship folded into it, article and sentence. */
export async function edgeEvidence(graph: Graph, source: string, type: EdgeType, target: string): Promise<EdgeEvidence[]> {
  const rows = await graph.read<{ props: Record<string, unknown> }>(cypher('api/edge'), { source, type, target });
  return rows.flatMap(({ props }): EdgeEvidence[] => {
    if (type === 'MENTIONS') return ((props.sentences as string[]) ?? []).map((sentence) => ({ articleId: source, sentence }));
    if (type === 'WROTE') return [{ articleId: target, sentence: '' }];
    return [{ articleId: String(props.articleId), sentence: String(props.evidence ?? '') }];
  });
}

export interface Stats {
  articles: number;
  entities: number;
  relationships: number;
  byType: { type: NodeType; count: number }[];
}

export async function stats(graph: Graph): Promise<Stats> {
  const [row] = await graph.read<Stats>(cypher('api/stats'));
  return row ?? { articles: 0, entities: 0, relationships: 0, byType: [] };
}
