/** Turning API subgraphs into Cytoscape elements, and the canvas back into plain data. */
import type cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode, Subgraph } from '@guanxi/shared';
import type { ExportGraph } from '@guanxi/shared';

/** Plain nodes and edges, as the exporters take them. */
export type PlainGraph = ExportGraph;

/**
 * Add what is not on the canvas yet; returns only the newly added elements.
 * Edges whose endpoint is missing are dropped (a truncated neighbourhood can contain them).
 */
export function mergeSubgraph(cy: cytoscape.Core, graph: Subgraph): cytoscape.CollectionReturnValue {
  const fresh: cytoscape.ElementDefinition[] = [];
  const nodeIds = new Set<string>();
  for (const node of graph.nodes) {
    nodeIds.add(node.id);
    // hasElementWithId, not getElementById(): the latter builds a collection per call.
    if (!cy.hasElementWithId(node.id)) fresh.push({ group: 'nodes', data: { ...node } });
  }
  for (const edge of graph.edges) {
    if (cy.hasElementWithId(edge.id)) continue;
    const ends = [edge.source, edge.target];
    if (!ends.every((id) => nodeIds.has(id) || cy.hasElementWithId(id))) continue;
    fresh.push({ group: 'edges', data: { ...edge } });
  }
  return cy.add(fresh);
}

function nodeData(node: cytoscape.NodeSingular): GraphNode {
  const { id, type, label, weight } = node.data() as GraphNode;
  return weight === undefined ? { id, type, label } : { id, type, label, weight };
}

function edgeData(edge: cytoscape.EdgeSingular): GraphEdge {
  const { id, source, target, type, label, weight } = edge.data() as GraphEdge;
  const out: GraphEdge = { id, source, target, type };
  if (label !== undefined) out.label = label;
  if (weight !== undefined) out.weight = weight;
  return out;
}

/**
 * What the user sees: nodes whose type is not filtered out, and edges between two of them.
 * Decided from the filter class rather than `:visible`, which lags until the next style flush.
 */
export function shownElements(cy: cytoscape.Core): { nodes: cytoscape.NodeCollection; edges: cytoscape.EdgeCollection } {
  const nodes = cy.nodes().not('.type-hidden');
  const hidden = cy.nodes('.type-hidden');
  if (hidden.empty()) return { nodes, edges: cy.edges() };
  // Ids, not e.source(): that builds a collection per call, seconds over thousands of edges.
  const out = new Set(hidden.map((n) => n.id()));
  const edges = cy.edges().filter((e) => !out.has(e.data('source') as string) && !out.has(e.data('target') as string));
  return { nodes, edges };
}

export function visibleGraph(cy: cytoscape.Core): PlainGraph {
  const { nodes, edges } = shownElements(cy);
  return { nodes: nodes.map(nodeData), edges: edges.map(edgeData) };
}
