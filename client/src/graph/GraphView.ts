/**
 * The canvas as the rest of the app sees it: a Cytoscape instance plus the operations the UI
 * needs (add a subgraph, hide types, remove, clear, export). React never touches `cy` directly.
 */
import cytoscape from 'cytoscape';
import type { NodeType, Subgraph } from '@guanxi/shared';
import { NODE_TYPES } from '@guanxi/shared';
import { graphStyle } from './style.ts';
import { workbenchStyle } from './canvasState.ts';
import { i18n } from '../i18n/index.ts';
import { registerFcose, runLayout, seedPositions } from './layout.ts';
import { mergeSubgraph, shownElements, visibleGraph, type PlainGraph } from './elements.ts';
import { installContextMenu, installFocus, installHover, installTaps, type TapHandlers } from './interactions.ts';

declare global {
  interface Window {
    /** The Cytoscape instance, exposed for end-to-end tests (read-only use). */
    __cy?: cytoscape.Core;
  }
}

const MAX_ZOOM = 4;
const FIT_MAX_ZOOM = 1.3;

export interface CanvasSummary {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  byType: Record<NodeType, number>;
}

export interface GraphViewEvents extends TapHandlers {
  onChange: (summary: CanvasSummary) => void;
}

export class GraphView {
  readonly cy: cytoscape.Core;
  private hiddenTypes = new Set<NodeType>();
  private layout: cytoscape.Layouts | undefined;
  private readonly resizeObserver: ResizeObserver | undefined;

  constructor(container: HTMLElement, private readonly events: GraphViewEvents) {
    registerFcose();
    this.cy = cytoscape({
      container,
      style: [...graphStyle, ...workbenchStyle],
      minZoom: 0.05,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: true,
    });
    installHover(this.cy);
    installFocus(this.cy);
    installTaps(this.cy, events);
    installContextMenu(this.cy, events);
    // add/remove fire once per element; summarise once per frame instead.
    this.cy.on('add remove', () => this.scheduleChange());
    // The canvas changes size without a window resize too (the time slicer appears, a phone rotates).
    this.resizeObserver = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.cy.resize());
    this.resizeObserver?.observe(container);
    // Relationship names on the canvas follow the interface language.
    const relabel = () => this.cy.style().update();
    i18n.on('languageChanged', relabel);
    this.cy.one('destroy', () => i18n.off('languageChanged', relabel));
    window.__cy = this.cy;
  }

  destroy(): void {
    this.resizeObserver?.disconnect();
    this.layout?.stop();
    if (window.__cy === this.cy) delete window.__cy;
    this.cy.destroy();
  }

  /** Adds the subgraph, seeding new nodes around `anchorId`; returns how many nodes were new. */
  add(graph: Subgraph, anchorId?: string): number {
    const wasEmpty = this.cy.nodes().empty();
    const added = mergeSubgraph(this.cy, graph);
    const newNodes = added.nodes();
    newNodes.filter((n) => this.hiddenTypes.has(n.data('type'))).addClass('type-hidden');
    if (added.nonempty()) {
      seedPositions(this.cy, newNodes, anchorId);
      this.relayout(wasEmpty);
    }
    return newNodes.length;
  }

  relayout(randomize = false): void {
    this.layout?.stop();
    const container = this.cy.container();
    container?.setAttribute('data-layout', 'running');
    // The layout fits the graph to the view; a handful of nodes would be blown up to giant size.
    this.cy.maxZoom(FIT_MAX_ZOOM);
    const layout = runLayout(this.cy, { randomize });
    this.layout = layout;
    layout.one('layoutstop', () => {
      if (this.layout !== layout) return;
      this.cy.maxZoom(MAX_ZOOM);
      container?.setAttribute('data-layout', 'idle');
    });
  }

  /** Selects (and centres on) an element if it is on the canvas, leaving the rest unselected. */
  focus(id: string): void {
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    this.cy.batch(() => {
      this.cy.$(':selected').unselect();
      el.select();
    });
    // Pan only when it is off screen, and only after a running layout: the layout's own
    // fit animation would otherwise fight the pan.
    const reveal = () => {
      if (el.removed() || !el.visible()) return;
      const view = this.cy.extent();
      const box = el.boundingBox({});
      const onScreen = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
      if (!onScreen) this.cy.animate({ center: { eles: el }, duration: 300 });
    };
    if (this.cy.container()?.getAttribute('data-layout') === 'running' && this.layout) this.layout.one('layoutstop', reveal);
    else reveal();
  }

  setHiddenTypes(types: Iterable<NodeType>): void {
    this.hiddenTypes = new Set(types);
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('type-hidden', this.hiddenTypes.has(node.data('type')));
      });
      // Hidden things should not stay selected: "remove selected" would remove unseen nodes.
      this.cy.$('.type-hidden:selected').unselect();
    });
    this.emitChange();
  }

  removeSelected(): number {
    const selected = this.cy.$(':selected');
    selected.remove();
    return selected.length;
  }

  clear(): void {
    this.layout?.stop();
    this.cy.elements().remove();
  }

  /** Zooms to the selected elements (all shown ones when nothing is selected). */
  zoomToSelection(): void {
    const selected = this.cy.$(':selected');
    if (selected.empty()) return this.fit();
    this.cy.animate({ fit: { eles: selected.union(selected.connectedNodes()), padding: 60 }, duration: 300 });
  }

  fit(): void {
    const shown = shownElements(this.cy);
    this.cy.maxZoom(FIT_MAX_ZOOM);
    this.cy.fit(shown.nodes.union(shown.edges), 40);
    this.cy.maxZoom(MAX_ZOOM);
  }

  selectedCount(): number {
    return this.cy.$(':selected').length;
  }

  visibleGraph(): PlainGraph {
    return visibleGraph(this.cy);
  }

  png(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  }

  private changeQueued = false;
  private scheduleChange(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    requestAnimationFrame(() => {
      this.changeQueued = false;
      if (!this.cy.destroyed()) this.emitChange();
    });
  }

  /** Recount after class changes (hide, window) that fire no add/remove. */
  refresh(): void {
    this.emitChange();
  }

  private emitChange(): void {
    const byType = Object.fromEntries(NODE_TYPES.map((t) => [t, 0])) as Record<NodeType, number>;
    const nodes = this.cy.nodes().filter((n) => n.data('type') !== 'More');
    nodes.forEach((node) => {
      const type = node.data('type') as NodeType;
      if (type in byType) byType[type] += 1;
    });
    const shown = shownElements(this.cy);
    this.events.onChange({
      nodes: nodes.length,
      edges: this.cy.edges().filter((e) => e.data('type') !== 'More').length,
      visibleNodes: shown.nodes.filter((n) => n.data('type') !== 'More').length,
      visibleEdges: shown.edges.filter((e) => e.data('type') !== 'More').length,
      byType,
    });
  }
}
