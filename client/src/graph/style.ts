/**
 * The Cytoscape stylesheet: how data looks, kept apart from how data gets onto the canvas.
 * Labels are the main legibility risk (Chinese article titles are long, hubs have 100+
 * neighbours), so they are ellipsised, backed with a light halo, and which of them show at a
 * zoom is decided by the level of detail (level-of-detail.ts): the `label-shown` class and the
 * label sizes it writes into a node's data (`lod*`, labels.ts). Big canvases get
 * `liteGraphStyle`: straight haystack edges, no arrows, borders or edge labels — the parts that
 * cost the most to draw thousands of times.
 *
 * Restyling thousands of elements is most of what loading a big graph costs, and it grows with
 * the rules an element is matched against and the properties it gets. Hence: no function-valued
 * properties (sizes are computed once into data, elements.ts), text properties only on what can
 * show text, and one data-mapped rule for the label scale instead of a class a step.
 */
import type cytoscape from 'cytoscape';
import type { EventType, NodeType } from '@guanxi/shared';
import { EVENT_TYPES, NODE_TYPES } from '@guanxi/shared';
import { EDGE_NAMES, NODE_COLORS, NODE_SHAPES } from '@guanxi/shared';

/** Same stack as the page (styles.css): Latin face first, then Simplified Chinese faces. */
export const FONT_STACK =
  '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", ' +
  '"Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/**
 * Size grows with the log of the weight so hubs stand out without swallowing the canvas.
 * Computed once when an element is added (elements.ts) and kept in its data: a function-valued
 * style property would run for every element at every restyle, and keeps elements from sharing
 * cached styles.
 */
export function sizeFor(type: string, weight: unknown): number {
  const base = type === 'Article' ? 14 : 22;
  return Math.min(base + 5 * Math.log2(1 + Math.max(0, Number(weight ?? 0) || 0)), 60);
}

/** A co-mention's line: wider the more sentences name both. */
export function lineWidthFor(weight: unknown): number {
  return Math.min(1 + 1.6 * Math.log2(1 + Math.max(0, Number(weight ?? 0) || 0)), 9);
}

/** The drawn diameter of a node (its `size` data, or computed for one added by other means). */
export function nodeSize(node: cytoscape.NodeSingular): number {
  const size = node.data('size') as number | undefined;
  return typeof size === 'number' ? size : sizeFor(String(node.data('type')), node.data('weight'));
}

function typeRules(type: NodeType): cytoscape.StylesheetStyle {
  return {
    selector: `node[type = "${type}"]`,
    style: { 'background-color': NODE_COLORS[type], shape: NODE_SHAPES[type] },
  };
}

/** Events (会见, 调研, 签约…): solid and coloured by kind, labelled with what happened. */
const EVENT_COLORS: Record<EventType, string> = {
  MET: '#b5456b',
  VISITED: '#c2711d',
  SIGNED: '#5b3f99',
  FOUNDED: '#1f7a8c',
  INVESTED_IN: '#4d7c0f',
  DONATED_TO: '#b91c1c',
  PAIRED_WITH: '#7c5a2a',
};

function eventRules(type: EventType): cytoscape.StylesheetStyle {
  return {
    selector: `edge[type = "${type}"]`,
    style: { width: 2.5, 'line-color': EVENT_COLORS[type], 'target-arrow-color': EVENT_COLORS[type], label: EDGE_NAMES[type] },
  };
}

/** What can show a label: chosen by the level of detail, hovered or selected. */
const LABELLED = 'node.label-shown, node.hover, node:selected';
/** Edges named on the canvas (not the thousands of co-mentions and mentions), and any hovered or selected. */
const NAMED_EDGES = 'edge[type != "CO_MENTIONED"][type != "MENTIONS"], edge.hover, edge:selected';

const nodeRules: cytoscape.StylesheetStyle[] = [
  // Labels are off unless the level of detail chose them: a thousand new nodes then cost no
  // text layout before it has run, and it only restyles the few it labels.
  { selector: 'node', style: { label: '' } },
  { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
  ...NODE_TYPES.map(typeRules),
  {
    selector: LABELLED,
    style: {
      'font-family': FONT_STACK,
      'font-size': 11,
      color: '#1f2328',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '110px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-shape': 'roundrectangle',
      'text-background-padding': '1px',
      // Labels below 7px on screen are unreadable anyway; hiding them keeps big graphs calm.
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node.label-shown', style: { label: 'data(label)' } },
  {
    selector: 'node[type = "Article"].label-shown, node[type = "Article"].hover, node[type = "Article"]:selected',
    style: { 'font-size': 9, color: '#4b5563', 'text-max-width': '90px' },
  },
  // The label scale of the current zoom (labels.ts labelScale), kept readable on screen.
  {
    selector: 'node[lodFont]',
    style: {
      'font-size': 'data(lodFont)',
      'text-max-width': 'data(lodWidth)',
      'text-margin-y': 'data(lodMargin)',
      'text-background-padding': 'data(lodPad)',
      // @types/cytoscape types text-margin-y as a number only; Cytoscape maps data to any property.
    } as unknown as cytoscape.Css.Node,
  },
];

/** Borders on nodes, arrows and curves on edges: left out of the lighter stylesheet. */
const fullRules: cytoscape.StylesheetStyle[] = [
  { selector: 'node', style: { 'border-width': 1, 'border-color': '#ffffff' } },
  {
    selector: 'edge',
    style: { 'target-arrow-color': '#b8bec8', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.6, 'curve-style': 'bezier' },
  },
  { selector: 'edge[type = "MENTIONS"], edge[type = "CO_MENTIONED"]', style: { 'target-arrow-shape': 'none' } },
];

const edgeRules: cytoscape.StylesheetStyle[] = [
  { selector: 'edge', style: { width: 1.2, 'line-color': '#b8bec8' } },
  {
    selector: NAMED_EDGES,
    style: {
      'font-family': FONT_STACK,
      'font-size': 9,
      color: '#374151',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
    },
  },
  { selector: 'edge[type = "MENTIONS"]', style: { width: 0.8, 'line-color': '#d0d4da' } },
  {
    // Who is connected to whom: undirected, wider and darker the more sentences name both.
    selector: 'edge[type = "CO_MENTIONED"]',
    style: { 'line-color': '#7f93b5', opacity: 0.75 },
  },
  { selector: 'edge[lineWidth]', style: { width: 'data(lineWidth)' } },
  {
    selector: 'edge[type = "HOLDS_POSITION"]',
    style: { width: 3, 'line-color': '#2b4c7e', 'target-arrow-color': '#2b4c7e', label: 'data(label)', 'font-weight': 'bold' },
  },
  {
    selector: 'edge[type = "WROTE"]',
    style: { width: 1.5, 'line-style': 'dashed', 'line-color': '#6b7280', 'target-arrow-color': '#6b7280', label: 'wrote' },
  },
  {
    selector: 'edge[type = "PART_OF"]',
    style: { width: 1.8, 'line-style': 'dotted', 'line-color': '#8a6d3b', 'target-arrow-color': '#8a6d3b', label: 'part of' },
  },
  {
    selector: 'edge[type = "LOCATED_IN"]',
    style: { width: 1.8, 'line-style': 'dotted', 'line-color': '#2f7d5b', 'target-arrow-color': '#2f7d5b', label: 'located in' },
  },
  ...EVENT_TYPES.map(eventRules),
];

const stateRules: cytoscape.StylesheetStyle[] = [
  // Interaction states come last so they win over the type rules.
  {
    selector: 'node.hover',
    // One longer line rather than wrapping: wrapped Chinese titles grow into their neighbours.
    style: { label: 'data(label)', 'text-max-width': '260px', 'z-index': 20, 'font-size': 12 },
  },
  // …at the label scale of the zoom.
  { selector: 'node.hover[hoverFont]', style: { 'font-size': 'data(hoverFont)', 'text-max-width': 'data(hoverWidth)' } },
  { selector: 'edge.hover', style: { 'line-color': '#6b7280', label: 'data(type)' } },
  { selector: 'edge[type = "HOLDS_POSITION"].hover', style: { label: 'data(label)' } },
  {
    selector: 'node:selected',
    // Only the border changes: Cytoscape can keep a selected label's old (narrower) text box
    // when a programmatic select() changes its width, and clips the text.
    style: { label: 'data(label)', 'border-width': 3, 'border-color': '#111827', 'z-index': 30 },
  },
  {
    selector: 'edge:selected',
    style: { width: 4, 'line-color': '#d1495b', 'target-arrow-color': '#d1495b', 'z-index': 30 },
  },
  { selector: '.faded', style: { opacity: 0.22, 'text-opacity': 0.35 } },
  { selector: '.type-hidden', style: { display: 'none' } },
  // Node size by a metric and colour by community (metric-style.ts sets the classes and data).
  { selector: 'node.metric-sized', style: { width: 'data(metricSize)', height: 'data(metricSize)' } },
  { selector: 'node.metric-community', style: { 'background-color': 'data(communityColor)' } },
];

/** What a canvas of thousands of elements draws instead; colours and sizes stay. */
const liteRules: cytoscape.StylesheetStyle[] = [
  { selector: LABELLED, style: { 'text-background-shape': 'rectangle' } },
  {
    selector: 'edge',
    style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'line-style': 'solid', label: '', opacity: 1 },
  },
  { selector: 'edge[type = "CO_MENTIONED"]', style: { 'line-color': '#a9b6cc' } },
];

export const graphStyle: cytoscape.StylesheetStyle[] = [...nodeRules, ...fullRules, ...edgeRules, ...stateRules];
export const liteGraphStyle: cytoscape.StylesheetStyle[] = [...nodeRules, ...edgeRules, ...liteRules, ...stateRules];
