import { UndirectedGraph } from 'graphology';

/** A link of the connection graph as read from the database or the canvas. */
export interface ConnectionLink {
  source: string;
  target: string;
  /**
   * CO_MENTIONED: sentences naming both plus the articles they are in (as the API ranks links; at
   * least 2, every link has a sentence); a typed relation (HOLDS_POSITION,
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
  if (!graph.hasNode(id)) graph.addNode(id);
}

export function addLink(graph: ConnectionGraph, link: ConnectionLink): void {
  addWeightedLink(graph, link.source, link.target, link.weight);
}

/**
 * addLink without a link object, for millions of links read from the database: a pair's first link
 * adds its edge with a weight attribute and nothing more; a later one raises the weight if heavier.
 * (graphology's updateUndirectedEdge and mergeNode allocate an updater result and a tuple a call:
 * seconds at a few million links.)
 */
export function addWeightedLink(graph: ConnectionGraph, source: string, target: string, weight: number): void {
  // A loop would add to a node's own degree and PageRank; the connection layer has none anyway.
  if (source === target) return;
  // PageRank divides by a node's summed weights: a 0 or a missing weight would make it NaN and
  // fail to converge with no word of why.
  if (!(weight > 0)) throw new Error(`the link ${source} – ${target} has weight ${weight}: links need a positive weight`);
  if (!graph.hasNode(source)) graph.addNode(source);
  if (!graph.hasNode(target)) graph.addNode(target);
  const edge = graph.undirectedEdge(source, target);
  if (edge === undefined) graph.addUndirectedEdge(source, target, { weight });
  else if (weight > graph.getEdgeAttribute(edge, 'weight')) graph.setEdgeAttribute(edge, 'weight', weight);
}

export function connectionGraph(nodes: Iterable<string>, links: Iterable<ConnectionLink>): ConnectionGraph {
  const graph = createConnectionGraph();
  for (const id of nodes) addEntity(graph, id);
  for (const link of links) addLink(graph, link);
  return graph;
}
