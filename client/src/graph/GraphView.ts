/**
 * The canvas as the rest of the app sees it: a Cytoscape instance plus the operations the UI
 * needs (add a subgraph, hide types, remove, clear, export). React never touches `cy` directly.
 */
import cytoscape from 'cytoscape';
import type { GraphEdge, NodeType, Subgraph } from '@guanxi/shared';
import { NODE_TYPES } from '@guanxi/shared';
import { graphStyle, liteGraphStyle } from './style.ts';
import { edgeNameStyle, workbenchStyle } from './canvasState.ts';
import { i18n } from '../i18n/index.ts';
import { FIT_MAX_ZOOM, LayoutRunner, seedPositions, type LayoutMode, type PendingEdge } from './layout.ts';
import { LevelOfDetail } from './level-of-detail.ts';
import { chooseRenderer } from './renderer.ts';
import { edgeDefinitions, mergeSubgraph, shownElements, visibleGraph, type PlainGraph } from './elements.ts';
import { installContextMenu, installFocus, installHover, installTaps, type TapHandlers } from './interactions.ts';
import { installHitTest } from './hit-test.ts';

declare global {
  interface Window {
    /** The Cytoscape instance, exposed for end-to-end tests (read-only use). */
    __cy?: cytoscape.Core;
  }
}

const MAX_ZOOM = 4;

/** The whole stylesheet: the base look (or its lighter form for a big canvas) and the workbench's states. */
function stylesheet(lite: boolean): cytoscape.StylesheetStyle[] {
  return lite ? [...liteGraphStyle, ...workbenchStyle] : [...graphStyle, ...edgeNameStyle, ...workbenchStyle];
}

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
  private readonly layouts: LayoutRunner;
  private readonly lod: LevelOfDetail;
  private readonly resizeObserver: ResizeObserver | undefined;
  private readonly refreshFocus: () => void;
  /** Edges waiting for the first paint of their nodes (addEdgesAfterPaint). */
  private pendingEdges: readonly GraphEdge[] = [];

  constructor(container: HTMLElement, private readonly events: GraphViewEvents) {
    const renderer = chooseRenderer(window.location.search);
    container.setAttribute('data-renderer', renderer.kind);
    this.cy = cytoscape({
      container,
      style: stylesheet(false),
      minZoom: 0.05,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: true,
      // @types/cytoscape predates the WebGL renderer option (Cytoscape 3.31).
      ...(renderer.kind === 'webgl' ? ({ renderer: { name: 'canvas', webgl: true } } as object) : {}),
    });
    installHitTest(this.cy);
    this.layouts = new LayoutRunner(this.cy);
    this.lod = new LevelOfDetail(this.cy, stylesheet, () => this.layouts.running);
    this.layouts.onSettled = () => this.lod.refresh();
    installHover(this.cy);
    this.refreshFocus = installFocus(this.cy, () => this.pendingEdges);
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
    this.layouts.destroy();
    this.lod.destroy();
    if (window.__cy === this.cy) delete window.__cy;
    this.cy.destroy();
  }

  /** Adds the subgraph, seeding new nodes around `anchorId`; returns how many nodes were new. */
  add(graph: Subgraph, anchorId?: string): number {
    const wasEmpty = this.cy.nodes().empty();
    this.lod.beforeAdd(graph.nodes.length + graph.edges.length);
    const added = mergeSubgraph(this.cy, graph);
    const newNodes = added.nodes();
    newNodes.filter((n) => this.hiddenTypes.has(n.data('type'))).addClass('type-hidden');
    if (added.nonempty()) {
      seedPositions(this.cy, newNodes, anchorId);
      this.layouts.markUnplaced(newNodes);
      this.runLayout(wasEmpty ? 'fresh' : 'incremental');
    }
    return newNodes.length;
  }

  /** Before merging `count` elements: lighter styles when the canvas grows past a thousand. */
  prepareFor(count: number): void {
    this.lod.beforeAdd(count);
  }

  /**
   * Lays out nodes just merged by someone else (the workbench): only they move, from their seeded
   * places; the placed and pinned ones stay put (`fresh` when the canvas was empty before).
   */
  layoutAdded(added: cytoscape.NodeCollection, fresh: boolean, pending: readonly PendingEdge[] = []): void {
    if (added.empty()) return;
    this.layouts.markUnplaced(added);
    this.runLayout(fresh ? 'fresh' : 'incremental', pending);
  }

  /**
   * The edges of a big new drawing, added once its nodes are laid out and on screen. Adding,
   * styling and drawing 6,000 edges costs as much as the 2,000 nodes they join; the nodes at
   * their final places, with their labels, are what a reader looks at first. The layout knew
   * the edges already (layoutAdded's `pending`), the labels and the selection's fade count them
   * meanwhile, and the undo step and the URL wait for them (Workbench.place). The container's
   * `data-edges` says `pending` meanwhile (bench:ui times both paints). Resolves with the edges added.
   */
  async addEdgesAfterPaint(edges: GraphEdge[]): Promise<cytoscape.EdgeCollection> {
    const container = this.cy.container();
    container?.setAttribute('data-edges', 'pending');
    this.pendingEdges = edges;
    this.lod.pendingEdges = edges;
    // Created while the layout runs, off the canvas (Cytoscape's `removed` collections): building
    // the elements is most of what adding them costs, and the main thread has time then.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // @types/cytoscape lacks collection()'s options.
    const removed = this.cy.collection as unknown as (this: cytoscape.Core, eles: cytoscape.ElementDefinition[], options: { removed: boolean }) => cytoscape.CollectionReturnValue;
    const later = this.cy.destroyed() ? undefined : removed.call(this.cy, edgeDefinitions(this.cy, edges), { removed: true });
    await this.layouts.whenIdle();
    // The frame that draws the nodes, then one more: the edges come in a task of their own after it.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
    if (this.pendingEdges === edges) this.pendingEdges = [];
    this.lod.pendingEdges = [];
    if (this.cy.destroyed() || !later) return this.cy.collection() as cytoscape.EdgeCollection;
    const { cy } = this;
    let added = cy.collection();
    // With the selection's fade in the same batch: each edge is styled once, faded or not. Only
    // edges still missing whose ends are still there (the canvas may have changed meanwhile).
    cy.batch(() => {
      added = later.filter((e) => !cy.hasElementWithId(e.id()) && cy.hasElementWithId(e.data('source')) && cy.hasElementWithId(e.data('target'))).restore();
      this.refreshFocus();
    });
    container?.setAttribute('data-edges', 'added');
    return added.edges();
  }

  /** Re-layout: everything but pinned nodes moves on from where it is (`fresh`: starts over). */
  relayout(fresh = false): void {
    this.runLayout(fresh ? 'fresh' : 'refine');
  }

  private runLayout(mode: LayoutMode, pending: readonly PendingEdge[] = []): void {
    // Off the main thread (layout.ts); failures are logged there and leave the nodes where they are.
    void this.layouts.run(mode, pending);
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
    void this.layouts.whenIdle().then(reveal);
  }

  /** Gives nodes just added the type filter's class (the others have it already, setHiddenTypes). */
  hideFilteredTypes(nodes: cytoscape.NodeCollection): void {
    if (this.hiddenTypes.size === 0) return;
    nodes.filter((node) => this.hiddenTypes.has(node.data('type'))).addClass('type-hidden');
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
    this.layouts.stop();
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
    this.cy.fit(shown.nodes.union(shown.edges), 40);
    if (this.cy.zoom() > FIT_MAX_ZOOM) {
      this.cy.zoom({ level: FIT_MAX_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    }
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
      // Already summarised since (a workbench action recounts when it commits): nothing to do.
      if (!this.changeQueued) return;
      this.changeQueued = false;
      if (!this.cy.destroyed()) this.emitChange();
    });
  }

  /** Recount after class changes (hide, window) that fire no add/remove. */
  refresh(): void {
    this.emitChange();
  }

  private emitChange(): void {
    this.changeQueued = false;
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
