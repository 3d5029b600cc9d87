/**
 * What the workbench keeps on the canvas beyond the data: pins, user-hidden nodes, the time
 * window, highlighted paths and "+N more" handles — as classes on elements — and whole-canvas
 * snapshots for undo. Works on a Cytoscape core only, so it is testable headless.
 */
import type cytoscape from 'cytoscape';
import { i18n } from '../i18n/index.ts';
import { FONT_STACK } from './style.ts';

export interface NodeSnapshot {
  data: Record<string, unknown>;
  x: number;
  y: number;
  pinned: boolean;
  hidden: boolean;
  path: boolean;
}

export interface CanvasSnapshot {
  nodes: NodeSnapshot[];
  edges: { data: Record<string, unknown>; path: boolean }[];
}

export const HANDLE_TYPE = 'More';
const HANDLE_PREFIX = 'more:';

export function handleId(hubId: string): string {
  return `${HANDLE_PREFIX}${hubId}`;
}

export function isHandle(node: cytoscape.NodeSingular): boolean {
  return node.data('type') === HANDLE_TYPE;
}

/** Data nodes: everything but the "+N more" handles. */
export function dataNodes(cy: cytoscape.Core): cytoscape.NodeCollection {
  return cy.nodes().filter((n) => !isHandle(n));
}

export function takeSnapshot(cy: cytoscape.Core): CanvasSnapshot {
  return {
    nodes: cy.nodes().map((n) => ({
      data: { ...n.data() },
      x: n.position('x'),
      y: n.position('y'),
      pinned: n.hasClass('pinned'),
      hidden: n.hasClass('user-hidden'),
      path: n.hasClass('path'),
    })),
    edges: cy.edges().map((e) => ({ data: { ...e.data() }, path: e.hasClass('path') })),
  };
}

/** Makes the canvas what the snapshot says: only missing elements are added, so styles and the viewport stay. */
export function applySnapshot(cy: cytoscape.Core, snapshot: CanvasSnapshot): void {
  cy.batch(() => {
    const keep = new Set<string>([...snapshot.nodes.map((n) => String(n.data.id)), ...snapshot.edges.map((e) => String(e.data.id))]);
    cy.elements().filter((el) => !keep.has(el.id())).remove();
    const fresh: cytoscape.ElementDefinition[] = [];
    for (const n of snapshot.nodes) {
      if (cy.getElementById(String(n.data.id)).empty()) fresh.push({ group: 'nodes', data: { ...n.data } as cytoscape.NodeDataDefinition, position: { x: n.x, y: n.y } });
    }
    for (const e of snapshot.edges) {
      if (cy.getElementById(String(e.data.id)).empty()) fresh.push({ group: 'edges', data: { ...e.data } as cytoscape.EdgeDataDefinition });
    }
    cy.add(fresh);
    for (const n of snapshot.nodes) {
      const node = cy.getElementById(String(n.data.id));
      node.data(n.data);
      node.unlock();
      node.position({ x: n.x, y: n.y });
      node.toggleClass('pinned', n.pinned);
      node.toggleClass('user-hidden', n.hidden);
      node.toggleClass('path', n.path);
      if (n.pinned) node.lock();
    }
    for (const e of snapshot.edges) cy.getElementById(String(e.data.id)).toggleClass('path', e.path);
  });
}

/** Pinned nodes stay where they are: layouts and drags leave locked nodes alone. */
export function setPinned(nodes: cytoscape.NodeCollection, pinned: boolean): void {
  nodes.forEach((node) => {
    node.toggleClass('pinned', pinned);
    if (pinned) node.lock();
    else node.unlock();
  });
}

export function pinPosition(node: cytoscape.NodeSingular, at: [number, number]): void {
  node.unlock();
  node.position({ x: at[0], y: at[1] });
  setPinned(node, true);
}

/** Hidden nodes stay on the canvas (and in the view) but are not drawn; hiding unselects them. */
export function setHidden(nodes: cytoscape.NodeCollection, hidden: boolean): void {
  nodes.toggleClass('user-hidden', hidden);
  if (hidden) nodes.unselect();
}

/**
 * Whether a link was seen in [from, to] (dates YYYY-MM-DD, either end open): its first and last
 * article dates overlap the window. A link without dates is kept.
 */
export function seenInWindow(first: string | undefined, last: string | undefined, from: string | null, to: string | null): boolean {
  const start = (first ?? last)?.slice(0, 10);
  const end = (last ?? first)?.slice(0, 10);
  if (!start || !end) return true;
  return (!from || end >= from) && (!to || start <= to);
}

/** Hides links not seen in the window, and nodes all of whose links are (a node without links stays). */
export function applyWindow(cy: cytoscape.Core, from: string | null, to: string | null): void {
  cy.batch(() => {
    cy.elements('.out-of-window').removeClass('out-of-window');
    if (!from && !to) return;
    // The article view: an article dated outside the window leaves, and its links with it.
    const articles = cy.nodes('[type = "Article"][date]').filter((n) => !seenInWindow(n.data('date'), n.data('date'), from, to));
    articles.addClass('out-of-window');
    const out = cy.edges().filter((e) => !seenInWindow(e.data('firstDate'), e.data('lastDate'), from, to) || e.connectedNodes().anySame(articles));
    out.addClass('out-of-window');
    dataNodes(cy).forEach((node) => {
      const links = node.connectedEdges().filter((e) => !isHandle(e.source()) && !isHandle(e.target()));
      if (links.nonempty() && links.filter('.out-of-window').length === links.length) node.addClass('out-of-window');
    });
    cy.$('.out-of-window:selected').unselect();
  });
}

export function highlightPaths(cy: cytoscape.Core, nodeIds: Iterable<string>, edgeIds: Iterable<string>): void {
  cy.batch(() => {
    cy.elements('.path').removeClass('path');
    for (const id of nodeIds) cy.getElementById(id).addClass('path');
    for (const id of edgeIds) cy.getElementById(id).addClass('path');
  });
}

/**
 * Puts (or updates, or with `remaining` 0 removes) the "+N more" handle of a hub whose expansion
 * was capped; `next` says what clicking it asks for. remaining null: more exist, count unknown.
 */
export function setMoreHandle(
  cy: cytoscape.Core,
  hubId: string,
  remaining: number | null,
  label: string,
  next: Record<string, unknown>,
): void {
  const id = handleId(hubId);
  const existing = cy.getElementById(id);
  if (remaining === 0) {
    existing.remove();
    return;
  }
  const hub = cy.getElementById(hubId);
  if (hub.empty()) return;
  const data = { id, type: HANDLE_TYPE, label, hub: hubId, remaining, ...next };
  if (existing.nonempty()) {
    existing.data(data);
    return;
  }
  const at = hub.position();
  cy.add([
    { group: 'nodes', data, position: { x: at.x + 60, y: at.y - 40 } },
    { group: 'edges', data: { id: `${id}~edge`, source: hubId, target: id, type: HANDLE_TYPE } },
  ]);
}

const edgeName = (type: string) => () => i18n.t(`edge.${type}`);

/**
 * Relationship names on the canvas, in the interface language (re-read on a language switch:
 * cy.style().update()). Left out of the lighter stylesheet of a big canvas, which names no edges.
 */
export const edgeNameStyle: cytoscape.StylesheetStyle[] = [
  ...['WROTE', 'PART_OF', 'LOCATED_IN'].map((type) => ({ selector: `edge[type = "${type}"]`, style: { label: edgeName(type) } })),
  { selector: 'edge[type = "HOLDS_POSITION"]', style: { label: 'data(label)' } },
];

/**
 * The extra canvas styles of the workbench, appended after the base stylesheet so they win:
 * the hovered relationship's name, pins, paths, handles, hidden nodes.
 */
export const workbenchStyle: cytoscape.StylesheetStyle[] = [
  { selector: 'edge.hover', style: { label: (e: cytoscape.EdgeSingular) => i18n.t(`edge.${String(e.data('type'))}`) } },
  { selector: 'edge[type = "HOLDS_POSITION"].hover', style: { label: 'data(label)' } },
  {
    selector: 'edge[type = "CO_MENTIONED"].hover',
    style: { label: (e: cytoscape.EdgeSingular) => `${i18n.t('edge.CO_MENTIONED')} ×${Number(e.data('weight') ?? 0)}` },
  },
  { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#e69f00', 'border-style': 'double' } },
  { selector: '.path', style: { 'z-index': 40 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#d1495b' } },
  { selector: 'edge.path', style: { width: 5, 'line-color': '#d1495b', 'target-arrow-color': '#d1495b', opacity: 1 } },
  {
    selector: `node[type = "${HANDLE_TYPE}"]`,
    style: {
      shape: 'round-rectangle',
      width: 'label',
      height: 18,
      padding: '4px',
      'background-color': '#ffffff',
      'border-width': 1,
      'border-color': '#0072b2',
      'border-style': 'dashed',
      label: 'data(label)',
      'font-family': FONT_STACK,
      color: '#0072b2',
      'font-size': 11,
      'text-valign': 'center',
      'text-halign': 'center',
      'text-background-opacity': 0,
    },
  },
  { selector: `edge[type = "${HANDLE_TYPE}"]`, style: { 'line-style': 'dashed', 'line-color': '#9cc3e0', 'target-arrow-shape': 'none', width: 1 } },
  { selector: '.user-hidden, .out-of-window', style: { display: 'none' } },
];
