/**
 * The Cytoscape stylesheet: how data looks, kept apart from how data gets onto the canvas.
 * Labels are the main legibility risk (Chinese article titles are long, hubs have 100+
 * neighbours), so they are ellipsised, backed with a light halo, and which of them show at a
 * zoom is decided by the level of detail (level-of-detail.ts): the `label-shown` and
 * `lod-s<k>` classes below. Big canvases get `liteGraphStyle`: straight haystack edges, no
 * arrows, borders or edge labels — the parts that cost the most to draw thousands of times.
 */
import type cytoscape from 'cytoscape';
import type { EventType, NodeType } from '@guanxi/shared';
import { EVENT_TYPES, NODE_TYPES } from '@guanxi/shared';
import { EDGE_NAMES, NODE_COLORS, NODE_SHAPES } from '@guanxi/shared';
import { LOD_SCALE_DOWN, LOD_SCALE_STEP, LOD_SCALE_STEPS, lodClass } from './labels.ts';

/** Same stack as the page (styles.css): Latin face first, then Simplified Chinese faces. */
export const FONT_STACK =
  '-apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", ' +
  '"Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** Size grows with the log of the weight so hubs stand out without swallowing the canvas. */
export function nodeSize(node: cytoscape.NodeSingular): number {
  const weight = Number(node.data('weight') ?? 0);
  const base = node.data('type') === 'Article' ? 14 : 22;
  return Math.min(base + 5 * Math.log2(1 + Math.max(0, weight)), 60);
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

const dataRules: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      width: nodeSize,
      height: nodeSize,
      label: 'data(label)',
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
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  ...NODE_TYPES.map(typeRules),
  {
    selector: 'node[type = "Article"]',
    style: { 'font-size': 9, color: '#4b5563', 'text-max-width': '90px' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#b8bec8',
      'target-arrow-color': '#b8bec8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.6,
      'curve-style': 'bezier',
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
  {
    selector: 'edge[type = "MENTIONS"]',
    style: { width: 0.8, 'line-color': '#d0d4da', 'target-arrow-shape': 'none' },
  },
  {
    // Who is connected to whom: undirected, wider and darker the more sentences name both.
    selector: 'edge[type = "CO_MENTIONED"]',
    style: {
      width: (edge: cytoscape.EdgeSingular) => Math.min(1 + 1.6 * Math.log2(1 + Number(edge.data('weight') ?? 0)), 9),
      'line-color': '#7f93b5',
      'target-arrow-shape': 'none',
      opacity: 0.75,
    },
  },
  {
    selector: 'edge[type = "HOLDS_POSITION"]',
    style: {
      width: 3,
      'line-color': '#2b4c7e',
      'target-arrow-color': '#2b4c7e',
      label: 'data(label)',
      'font-weight': 'bold',
    },
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
  { selector: 'edge.hover', style: { 'line-color': '#6b7280', label: 'data(type)' } },
  { selector: 'edge[type = "HOLDS_POSITION"].hover', style: { label: 'data(label)' } },
  { selector: 'edge[type = "CO_MENTIONED"].hover', style: { label: (edge: cytoscape.EdgeSingular) => `named together ×${edge.data('weight') ?? 0}` } },
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
];

/**
 * Level of detail: labels the level of detail leaves out, and the scale steps that keep chosen
 * labels readable when zoomed out (the font grows as the zoom shrinks, LOD_SCALE_STEP a step).
 */
function lodRules(): cytoscape.StylesheetStyle[] {
  // Labels are off unless the level of detail chose them: a thousand new nodes then cost no
  // text layout before it has run, and it only restyles the few it labels.
  const rules: cytoscape.StylesheetStyle[] = [
    { selector: 'node', style: { label: '' } },
    { selector: 'node.label-shown', style: { label: 'data(label)' } },
  ];
  for (let k = -LOD_SCALE_DOWN; k <= LOD_SCALE_STEPS; k++) {
    const cls = lodClass(k);
    if (!cls) continue;
    const f = Math.pow(LOD_SCALE_STEP, k);
    rules.push(
      {
        selector: `node.${cls}`,
        style: { 'font-size': 11 * f, 'text-max-width': `${110 * f}px`, 'text-margin-y': 3 * f, 'text-background-padding': `${f}px` },
      },
      { selector: `node[type = "Article"].${cls}`, style: { 'font-size': 9 * f, 'text-max-width': `${90 * f}px` } },
    );
  }
  return rules;
}

/** The hover state's wider label, at the same scale steps (after stateRules, so it wins). */
function lodHoverRules(): cytoscape.StylesheetStyle[] {
  const rules: cytoscape.StylesheetStyle[] = [];
  for (let k = -LOD_SCALE_DOWN; k <= LOD_SCALE_STEPS; k++) {
    const cls = lodClass(k);
    if (!cls) continue;
    const f = Math.pow(LOD_SCALE_STEP, k);
    rules.push({ selector: `node.hover.${cls}`, style: { 'font-size': 12 * f, 'text-max-width': `${260 * f}px` } });
  }
  return rules;
}

/** What a canvas of thousands of elements leaves out; colours and sizes stay. */
const liteRules: cytoscape.StylesheetStyle[] = [
  { selector: 'node', style: { 'border-width': 0, 'text-background-shape': 'rectangle' } },
  {
    selector: 'edge',
    style: {
      'curve-style': 'haystack',
      'haystack-radius': 0,
      'target-arrow-shape': 'none',
      'line-style': 'solid',
      label: '',
      opacity: 1,
    },
  },
  { selector: 'edge[type = "CO_MENTIONED"]', style: { 'line-color': '#a9b6cc' } },
];

export const graphStyle: cytoscape.StylesheetStyle[] = [...dataRules, ...lodRules(), ...stateRules, ...lodHoverRules()];
export const liteGraphStyle: cytoscape.StylesheetStyle[] = [
  ...dataRules,
  ...liteRules,
  ...lodRules(),
  ...stateRules,
  ...lodHoverRules(),
];
