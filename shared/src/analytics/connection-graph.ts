import { UndirectedGraph } from 'graphology';

/** A link of the connection graph as read from the database or the canvas. */
export interface ConnectionLink {
  source: string;
  target: string;
  /**
   * CO_MENTIONED: sentences naming both plus articles naming both (as the API ranks links: never 0,
   * though two entities of one article may share no sentence); a typed relation (HOLDS_POSITION,
   * PART_OF, LOCATED_IN): 1.
   */
  weight: number;
}

export type ConnectionGraph = UndirectedGraph<Record<string, never>, { weight: number }>;

/**
 * The connection graph as the metrics see it: undirected and simple. A pair tied by a co-mention
 * and by typed relations (often several, one a stating article) is one edge weighing the most of
 * them, so a pair stated in a relation counts as strongly as it is co-mentioned, not twice.
 */
export function createConnectionGraph(): ConnectionGraph {
  return new UndirectedGraph<Record<string, never>, { weight: number }>();
}

export function addEntity(graph: ConnectionGraph, id: string): void {
  graph.mergeNode(id);
}

export function addLink(graph: ConnectionGraph, link: ConnectionLink): void {
  // A loop would add to a node's own degree and PageRank; the connection layer has none anyway.
  if (link.source === link.target) return;
  // PageRank divides by a node's summed weights: a 0 or a missing weight would make it NaN and
  // fail to converge with no word of why.
  if (!(link.weight > 0)) throw new Error(`the link ${link.source} – ${link.target} has weight ${link.weight}: links need a positive weight`);
  graph.mergeNode(link.source);
  graph.mergeNode(link.target);
  graph.updateUndirectedEdge(link.source, link.target, (attributes) => ({ weight: Math.max(attributes.weight ?? 0, link.weight) }));
}

export function connectionGraph(nodes: Iterable<string>, links: Iterable<ConnectionLink>): ConnectionGraph {
  const graph = createConnectionGraph();
  for (const id of nodes) addEntity(graph, id);
  for (const link of links) addLink(graph, link);
  return graph;
}
