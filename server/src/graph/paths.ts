import { edgeId, type EdgeType, type GraphEdge, type GraphNode } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { nodes } from './explore.ts';

/** How two nodes are connected: the shortest chains of links between them. */

export type PathVia = 'ENTITIES' | 'ALL';

export interface FoundPath {
  length: number;
  /** In order from the start to the end. */
  nodes: GraphNode[];
  /** edges[i] links nodes[i] and nodes[i + 1] (in either direction). */
  edges: GraphEdge[];
}

/** The longest path the search looks for: the literal bound in cypher/api/paths-*.cypher. */
export const MAX_HOPS = 6;

type Row = { ids: string[]; links: { source: string; type: EdgeType; target: string }[] };

export async function shortestPaths(graph: Graph, from: string, to: string, maxHops: number, first: number, via: PathVia): Promise<FoundPath[]> {
  if (from === to) {
    const found = await nodes(graph, [from]);
    return found.length > 0 ? [{ length: 0, nodes: found, edges: [] }] : [];
  }
  const rows = await graph.read<Row>(cypher(via === 'ALL' ? 'api/paths-all' : 'api/paths-entities'), { from, to, first });
  const kept = rows.filter((row) => row.links.length <= maxHops);
  const byId = new Map((await nodes(graph, [...new Set(kept.flatMap((row) => row.ids))])).map((n) => [n.id, n]));
  return kept.map((row) => ({
    length: row.links.length,
    nodes: row.ids.map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined),
    edges: row.links.map((link) => ({ id: edgeId(link.source, link.type, link.target), ...link })),
  }));
}
