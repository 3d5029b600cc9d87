/**
 * Metrics of the graph on the canvas, computed in the browser with the same code as
 * `guanxi analyze` (@guanxi/shared/analytics), and drawn: node size by a metric, colour by
 * community. Computed here rather than asked of the API: the view's nodes and links are already
 * in the browser, a view is small (hundreds of nodes: exact betweenness in milliseconds), and what
 * is measured is exactly what is shown, hidden types left out.
 */
import type cytoscape from 'cytoscape';
import { analyzeGraph, connectionGraph, type Analysis, type ConnectionLink, type EntityMetrics } from '@guanxi/shared/analytics';
import { shownElements } from './elements.ts';

export type SizeMetric = 'none' | keyof Omit<EntityMetrics, 'community'>;

/** Distinct, colour-blind-aware hues (Okabe–Ito and Tableau); communities past them share grey. */
export const COMMUNITY_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#4e79a7', '#59a14f', '#b07aa1', '#9c755f', '#76b7b2'];
const OTHER_COMMUNITY = '#9ca3af';

/** Views larger than this get a sampled betweenness (the canvas stays responsive). */
const EXACT_BETWEENNESS_UP_TO = 2_000;
const MIN_SIZE = 16;
const MAX_SIZE = 64;

/** The metrics of what is shown: entities and the links among them (articles are not in the connection graph). */
export function viewAnalysis(cy: cytoscape.Core): Analysis {
  const { nodes, edges } = shownElements(cy);
  const entities = nodes.filter((n) => n.data('type') !== 'Article');
  const ids = new Set(entities.map((n) => n.id() as string));
  const links: ConnectionLink[] = [];
  edges.forEach((e) => {
    const source = e.data('source') as string;
    const target = e.data('target') as string;
    if (!ids.has(source) || !ids.has(target)) return;
    links.push({ source, target, weight: e.data('type') === 'CO_MENTIONED' ? Number(e.data('weight') ?? 0) + Number(e.data('articles') ?? 1) : 1 });
  });
  return analyzeGraph(connectionGraph(ids, links), { betweennessSamples: EXACT_BETWEENNESS_UP_TO });
}

/**
 * Sizes nodes by `metric` (scaled to the view's range, square root so hubs do not swallow it) and
 * colours communities: data and classes only, the rules are in the canvas stylesheet (style.ts).
 */
export function applyMetricStyle(cy: cytoscape.Core, analysis: Analysis | null, metric: SizeMetric, byCommunity: boolean): void {
  const values = analysis && metric !== 'none' ? [...analysis.metrics.values()].map((m) => m[metric]) : [];
  const max = Math.max(0, ...values);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const m = analysis?.metrics.get(node.id());
      const sized = Boolean(m) && metric !== 'none' && max > 0;
      node.toggleClass('metric-sized', sized);
      if (sized) node.data('metricSize', MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(m![metric as Exclude<SizeMetric, 'none'>] / max));
      const coloured = Boolean(m) && byCommunity;
      node.toggleClass('metric-community', coloured);
      if (coloured) node.data('communityColor', COMMUNITY_COLORS[m!.community] ?? OTHER_COMMUNITY);
    });
  });
}
