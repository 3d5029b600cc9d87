/**
 * Keeps a canvas of any size readable and fast: which labels show at the current zoom
 * (labels.ts decides, this applies it as style classes), and the lighter stylesheet past
 * LITE_FROM elements. Work happens after a zoom settles, after elements change and after a
 * layout, never during a pan or on every frame.
 */
import type cytoscape from 'cytoscape';
import { shownElements } from './elements.ts';
import { labelScale, planLabels, scaleStep, type LabelCandidate } from './labels.ts';
import { nodeSize } from './style.ts';

/** Elements (nodes and edges) from which the lighter styles apply; fewer than LITE_BELOW go back. */
export const LITE_FROM = 1000;
const LITE_BELOW = 800;
/** Quiet time after the last zoom event before labels are chosen again. */
const ZOOM_SETTLE_MS = 150;

function candidate(node: cytoscape.NodeSingular, degree: Map<string, number>): LabelCandidate {
  const article = node.data('type') === 'Article';
  const { x, y } = node.position();
  return {
    id: node.id(),
    label: String(node.data('label') ?? ''),
    x,
    y,
    size: nodeSize(node),
    font: article ? 9 : 11,
    maxWidth: article ? 90 : 110,
    weight: Number(node.data('weight') ?? 0),
    degree: degree.get(node.id()) ?? 0,
  };
}

export class LevelOfDetail {
  /** Links not on the canvas yet (GraphView.addEdgesAfterPaint): they count towards a node's importance already. */
  pendingEdges: readonly { source: string; target: string }[] = [];
  private lite = false;
  private step = 0;
  private zoomTimer: ReturnType<typeof setTimeout> | undefined;
  private queued = false;
  /** Whether nodes came or went since the labels were last chosen (edges alone change only the tie-break). */
  private nodesChanged = false;
  private readonly onZoom = () => {
    clearTimeout(this.zoomTimer);
    this.zoomTimer = setTimeout(() => {
      if (scaleStep(this.cy.zoom()) !== this.step) this.refresh();
    }, ZOOM_SETTLE_MS);
  };
  private readonly onChange = (event: cytoscape.EventObject) => {
    if ((event.target as cytoscape.SingularElementArgument).isNode()) this.nodesChanged = true;
    this.schedule();
  };
  /** Hovered and selected nodes show their label at the current scale too. */
  private readonly onEmphasis = (event: cytoscape.EventObject) => this.scale(event.target as cytoscape.NodeSingular);

  /**
   * `stylesheet(lite)`: the canvas's whole stylesheet, in its normal or lighter form.
   * `laying`: whether a layout is about to move the nodes (then labels wait for its end, when
   * refresh() is called again: chosen for the seeded places, they would be thrown away).
   */
  constructor(
    private readonly cy: cytoscape.Core,
    private readonly stylesheet: (lite: boolean) => cytoscape.StylesheetStyle[],
    private readonly laying: () => boolean = () => false,
  ) {
    cy.on('zoom', this.onZoom);
    cy.on('add remove', this.onChange);
    cy.on('mouseover select', 'node', this.onEmphasis);
  }

  destroy(): void {
    clearTimeout(this.zoomTimer);
    this.cy.off('zoom', this.onZoom);
    this.cy.off('add remove', this.onChange);
    this.cy.off('mouseover select', 'node', this.onEmphasis);
  }

  get isLite(): boolean {
    return this.lite;
  }

  /**
   * After additions, before the browser draws: `add` fires per element, so the work is queued
   * once, as a microtask, which still runs before the first frame that would draw every label.
   */
  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (this.cy.destroyed()) return;
      this.updateStyle();
      // A big drawing's edges, added after its first paint, leave its labels as they are: the
      // layout's labels already counted them (pendingEdges).
      if (!this.laying() && this.nodesChanged) this.refresh();
    });
  }

  /**
   * Call before adding `count` elements: a canvas about to turn big switches to the lighter
   * styles while it is still small, so the newcomers are styled once, not twice.
   */
  beforeAdd(count: number): void {
    this.updateStyle(count);
  }

  private updateStyle(adding = 0): void {
    const count = this.cy.elements().length + adding;
    const lite = this.lite ? count >= LITE_BELOW : count > LITE_FROM;
    if (lite === this.lite) return;
    this.lite = lite;
    this.cy.style(this.stylesheet(lite));
    // While the user pans or zooms a big canvas, only its nodes are drawn (each from a cached
    // bitmap); the edges come back when the gesture ends. Measured against moving a snapshot
    // (textureOnViewport): that snapshot is drawn at twice the resolution when a gesture starts,
    // a task of 250–300 ms at 2,000 nodes; drawing the nodes alone keeps every frame short.
    // Not a public option after start-up, hence the cast.
    const renderer = (this.cy as unknown as { renderer(): { hideEdgesOnViewport?: boolean } }).renderer();
    if (renderer) renderer.hideEdgesOnViewport = lite;
    this.cy.container()?.setAttribute('data-lite', String(lite));
  }

  /** Gives a node the label sizes of the current scale step, unless it has them already. */
  private scale(node: cytoscape.NodeSingular): void {
    if (node.data('lodStep') !== this.step) node.data(labelScale(this.step, node.data('type') === 'Article'));
  }

  /** Chooses the labels for the current zoom and positions (call after a layout moves nodes). */
  refresh(): void {
    if (this.cy.destroyed()) return;
    this.nodesChanged = false;
    const zoom = this.cy.zoom();
    const { nodes, edges } = shownElements(this.cy);
    // Counted from edge data: node.degree() builds collections, slow over thousands of nodes.
    const degree = new Map<string, number>();
    edges.forEach((edge) => {
      for (const end of [edge.data('source') as string, edge.data('target') as string]) degree.set(end, (degree.get(end) ?? 0) + 1);
    });
    for (const edge of this.pendingEdges) for (const end of [edge.source, edge.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const plan = planLabels(nodes.map((node) => candidate(node, degree)), zoom);
    this.step = plan.step;
    this.cy.batch(() => {
      // Only elements whose classes or data change are restyled; unchanged ones cost a lookup.
      this.cy.nodes().forEach((node) => {
        const show = plan.shown.has(node.id()) || node.selected() || node.hasClass('hover');
        if (show !== node.hasClass('label-shown')) node.toggleClass('label-shown', show);
        if (show) this.scale(node);
      });
    });
  }
}
