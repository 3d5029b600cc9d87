/** Turning API subgraphs into Cytoscape elements, and the canvas back into plain data. */
import type cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode, Subgraph } from '@guanxi/shared';
import type { ExportGraph } from '@guanxi/shared';
import { lineWidthFor, sizeFor } from './style.ts';

/** Plain nodes and edges, as the exporters take them. */
export type PlainGraph = ExportGraph;

/**
 * Add what is not on the canvas yet, in one `cy.add`; returns only the newly added elements.
 * Sizes and line widths the stylesheet maps are computed here, once (style.ts).
 * Edges whose endpoint is missing are dropped (a truncated neighbourhood can contain them).
 */
export function mergeSubgraph(cy: cytoscape.Core, graph: Subgraph): cytoscape.CollectionReturnValue {
  const fresh: cytoscape.ElementDefinition[] = [];
  const nodeIds = new Set<string>();
  for (const node of graph.nodes) {
    nodeIds.add(node.id);
    // hasElementWithId, not getElementById(): the latter builds a collection per call.
    if (!cy.hasElementWithId(node.id)) fresh.push({ group: 'nodes', data: { ...node, size: sizeFor(node.type, node.weight) } });
  }
  fresh.push(...edgeDefinitions(cy, graph.edges, nodeIds));
  return cy.add(fresh);
}

/** Definitions of the edges not on the canvas yet whose ends are on it or in `nodeIds`. */
export function edgeDefinitions(cy: cytoscape.Core, edges: readonly GraphEdge[], nodeIds: ReadonlySet<string> = new Set()): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  for (const edge of edges) {
    if (cy.hasElementWithId(edge.id)) continue;
    if (![edge.source, edge.target].every((id) => nodeIds.has(id) || cy.hasElementWithId(id))) continue;
    out.push({ group: 'edges', data: edge.type === 'CO_MENTIONED' ? { ...edge, lineWidth: lineWidthFor(edge.weight) } : { ...edge } });
  }
  return out;
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
  const nodes = cy.nodes().not(NOT_SHOWN);
  const out = cy.nodes(NOT_SHOWN);
  if (out.empty() && cy.edges(NOT_SHOWN).empty()) return { nodes, edges: cy.edges() };
  // Ids, not e.source(): that builds a collection per call, seconds over thousands of edges.
  const outIds = new Set(out.map((n) => n.id()));
  const edges = cy.edges().filter((e) => !outIds.has(e.data('source') as string) && !outIds.has(e.data('target') as string) && !e.is(NOT_SHOWN));
  return { nodes, edges };
}

/** Filtered by type, hidden by the user, or outside the time window (see canvasState.ts). */
const NOT_SHOWN = '.type-hidden, .user-hidden, .out-of-window';

/** What is exported: the shown data, without the workbench's "+N more" handles. */
export function visibleGraph(cy: cytoscape.Core): PlainGraph {
  const { nodes, edges } = shownElements(cy);
  const data = nodes.filter((n) => n.data('type') !== 'More');
  return { nodes: data.map(nodeData), edges: edges.filter((e) => e.data('type') !== 'More').map(edgeData) };
}
