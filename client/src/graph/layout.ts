/**
 * Layout off the main thread: the shown graph goes to a Web Worker (layout.worker.ts, running
 * force-layout.ts), positions come back and are applied — animated when few nodes move, in one
 * batch when many do. Three modes:
 * - `fresh`: a new drawing (the canvas was empty); only pinned nodes keep their place;
 * - `incremental`: after an expansion; every placed node stays exactly where it is (the user
 *   has a mental map of them), only newcomers are placed, next to the nodes they link to;
 * - `refine`: the Re-layout button; everything but pinned nodes moves on from where it is.
 * A newer run supersedes an older one (the worker computing it is dropped), so nothing queues.
 */
import type cytoscape from 'cytoscape';
import { shownElements } from './elements.ts';
import { forceLayout, type LayoutInput } from './force-layout.ts';
import type { LayoutRequest, LayoutResponse } from './layout.worker.ts';
import { nodeSize } from './style.ts';

export type LayoutMode = 'fresh' | 'incremental' | 'refine';

/**
 * Animated only when few nodes move on a small canvas: every animation frame redraws the whole
 * canvas, which past a thousand nodes costs more than the motion shows.
 */
const ANIMATE_MAX = 400;
const ANIMATE_MAX_SHOWN = 1000;
const ANIMATION_MS = 450;
/** Main-thread time a slice of style computation may take while the worker lays out. */
const WARM_SLICE_MS = 12;
/** The zoom a fit may reach: a handful of nodes would otherwise be blown up to giant size. */
export const FIT_MAX_ZOOM = 1.3;
const FIT_PADDING = 40;

/** Put new nodes on a ring around `anchor` (or right of the existing drawing) until the layout places them. */
export function seedPositions(cy: cytoscape.Core, added: cytoscape.NodeCollection, anchorId?: string): void {
  if (added.empty()) return;
  const anchor = anchorId ? cy.getElementById(anchorId) : undefined;
  const old = cy.nodes().difference(added);
  // A big new drawing is laid out from nothing and not drawn before (LayoutRunner.holdDrawing):
  // a ring would be thousands of position events for nothing.
  if (old.empty() && added.length > ANIMATE_MAX) return;
  let center: cytoscape.Position;
  if (anchor && anchor.nonempty() && !added.contains(anchor)) {
    center = { ...anchor.position() };
  } else if (old.nonempty()) {
    const box = old.boundingBox({});
    center = { x: box.x2 + 250, y: (box.y1 + box.y2) / 2 };
  } else {
    center = { x: 0, y: 0 };
  }
  const ring = added.filter((n) => n.id() !== anchorId);
  const radius = 80 + 6 * Math.sqrt(ring.length) * 10;
  if (anchor && added.contains(anchor)) anchor.position(center);
  ring.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(ring.length, 1);
    node.position({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
  });
}

/** Pinned: locked in Cytoscape, or marked with the `pinned` class. */
export function isPinned(node: cytoscape.NodeSingular): boolean {
  return node.locked() || node.hasClass('pinned');
}

interface Job {
  nodes: cytoscape.NodeSingular[];
  input: LayoutInput;
}

/** A link not on the canvas yet (GraphView's edges drawn after the nodes), which the layout must still know. */
export interface PendingEdge {
  source: string;
  target: string;
}

function buildJob(cy: cytoscape.Core, mode: LayoutMode, unplaced: ReadonlySet<string>, pending: readonly PendingEdge[]): Job {
  const shown = shownElements(cy);
  const nodes = shown.nodes.toArray() as cytoscape.NodeSingular[];
  const index = new Map(nodes.map((n, i) => [n.id(), i]));
  const input: LayoutInput = {
    nodes: nodes.map((node) => {
      const pinned = isPinned(node);
      const placed = mode === 'refine' || (mode === 'incremental' && !unplaced.has(node.id())) || pinned;
      const size = nodeSize(node);
      if (!placed) return { fixed: false, size };
      const { x, y } = node.position();
      return { x, y, fixed: pinned || mode === 'incremental', size };
    }),
    edges: new Uint32Array(2 * (shown.edges.length + pending.length)),
  };
  let k = 0;
  const link = (source: string, target: string) => {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) return;
    input.edges[k++] = s;
    input.edges[k++] = t;
  };
  shown.edges.forEach((edge) => link(edge.data('source') as string, edge.data('target') as string));
  for (const edge of pending) link(edge.source, edge.target);
  input.edges = input.edges.slice(0, k);
  return { nodes, input };
}

/** The viewport that fits these positions (model bounding box plus node sizes), zoom capped. */
export function fitViewport(
  cy: cytoscape.Core,
  positions: Float64Array,
  sizes: number[],
): { zoom: number; pan: cytoscape.Position } | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i < sizes.length; i++) {
    const r = sizes[i]! / 2;
    x1 = Math.min(x1, positions[2 * i]! - r);
    x2 = Math.max(x2, positions[2 * i]! + r);
    y1 = Math.min(y1, positions[2 * i + 1]! - r);
    // Room for the label under the node.
    y2 = Math.max(y2, positions[2 * i + 1]! + r + 16);
  }
  if (!Number.isFinite(x1)) return undefined;
  const w = cy.width();
  const h = cy.height();
  const fit = Math.min((w - 2 * FIT_PADDING) / Math.max(x2 - x1, 1), (h - 2 * FIT_PADDING) / Math.max(y2 - y1, 1));
  const zoom = Math.max(cy.minZoom(), Math.min(FIT_MAX_ZOOM, cy.maxZoom(), fit));
  return { zoom, pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 } };
}

/**
 * Computes the style of elements not yet drawn, a few milliseconds at a time, until cancelled.
 * The first draw needs every element's style; computed while the worker lays out, on the
 * other core, it is off the critical path (numericStyle is Cytoscape's public way to it).
 * Drawing is held by an open batch (LayoutRunner.holdDrawing), in which Cytoscape only notes
 * which elements changed class or data; `flush` (closing and reopening it) makes them due. A
 * change made meanwhile — the fade of everything but the selected node's ties, right after a
 * search — is flushed at the next slice and the walk starts over: elements already computed
 * and unchanged cost a lookup. (Two blind passes used to compute every faded style twice.)
 * `complete` computes what is left at once, for when the positions are in.
 */
function warmStyles(cy: cytoscape.Core, flush: () => void): { cancel: () => void; complete: () => void } {
  const eles = cy.elements().toArray();
  let next = 0;
  // The elements just added are due before anything is computed.
  let due = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(slice, 0);
  };
  const onChange = () => {
    due = true;
    schedule();
  };
  const walk = (until: number) => {
    if (due) {
      due = false;
      flush();
      next = 0;
    }
    while (next < eles.length && performance.now() < until) {
      const ele = eles[next++]!;
      if (!ele.removed()) ele.numericStyle('width');
    }
  };
  const slice = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    walk(performance.now() + WARM_SLICE_MS);
    if (next < eles.length) schedule();
  };
  const cancel = () => {
    clearTimeout(timer);
    if (!cy.destroyed()) cy.off('class data', onChange);
  };
  cy.on('class data', onChange);
  schedule();
  return {
    cancel,
    complete: () => {
      cancel();
      if (!cy.destroyed()) walk(Infinity);
    },
  };
}

export class LayoutRunner {
  private worker: Worker | undefined;
  /** Whether drawing is held (a batch left open) until the running layout's positions are applied. */
  private holding = false;
  private warm: { cancel: () => void; complete: () => void } | undefined;
  private workerBroken = false;
  private computing = false;
  private seq = 0;
  private unplaced = new Set<string>();
  private animation: cytoscape.Layouts | undefined;
  private waiters: (() => void)[] = [];

  /** Called once positions are applied and any animation has ended. */
  onSettled: () => void = () => {};

  constructor(private readonly cy: cytoscape.Core) {
    // Started now, while nothing is on the canvas: the worker's script is then loaded and
    // compiled before the first layout is asked for, not on its way.
    this.ensureWorker();
  }

  /** Nodes that have only a provisional (seeded) position. */
  markUnplaced(nodes: cytoscape.NodeCollection): void {
    nodes.forEach((n) => {
      this.unplaced.add(n.id());
    });
  }

  get running(): boolean {
    return this.cy.container()?.getAttribute('data-layout') === 'running';
  }

  /** Resolves when no layout is running (at once if none is). */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** `pending`: links to lay out with that are not on the canvas yet. */
  async run(mode: LayoutMode, pending: readonly PendingEdge[] = []): Promise<void> {
    const id = ++this.seq;
    this.animation?.stop();
    this.setState('running');
    const job = buildJob(this.cy, mode, this.unplaced, pending);
    if (job.nodes.length === 0) return this.finish(id);
    if (mode === 'fresh' && job.nodes.length > ANIMATE_MAX) this.holdDrawing();
    let positions: Float64Array;
    const asked = performance.now();
    try {
      positions = await this.compute(id, job.input);
      // In the page's performance timeline for bench:ui and DevTools: how long positions took.
      performance.measure('guanxi:layout', { start: asked, detail: { nodes: job.nodes.length, mode } });
    } catch (error) {
      if (id !== this.seq) return;
      console.error('layout failed', error);
      return this.finish(id);
    }
    if (id !== this.seq || this.cy.destroyed()) return;
    await this.apply(job, positions);
    if (id !== this.seq) return;
    for (const node of job.nodes) this.unplaced.delete(node.id());
    this.finish(id);
  }

  /** Drops any running layout (e.g. the canvas was cleared). */
  stop(): void {
    this.seq++;
    this.animation?.stop();
    if (this.computing) this.dropWorker();
    this.unplaced.clear();
    this.finish(this.seq);
  }

  destroy(): void {
    this.seq++;
    this.animation?.stop();
    this.dropWorker();
    this.releaseDrawing();
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  /**
   * A big new drawing is not drawn before it is laid out: its seeded ring costs a full draw (a
   * second at 2,000 nodes) that nobody needs, on the core the worker would use. Cytoscape draws
   * nothing while a batch is open; the batch ends in finish(), which every run reaches.
   */
  private holdDrawing(): void {
    if (!this.holding) {
      this.holding = true;
      this.cy.startBatch();
    }
    this.warm?.cancel();
    this.warm = warmStyles(this.cy, () => {
      this.cy.endBatch();
      this.cy.startBatch();
    });
  }

  private releaseDrawing(): void {
    this.warm?.cancel();
    this.warm = undefined;
    if (!this.holding) return;
    this.holding = false;
    if (!this.cy.destroyed()) this.cy.endBatch();
  }

  private finish(id: number): void {
    if (id !== this.seq) return;
    // Labels are chosen for the final positions and every style still due is computed while
    // drawing is held, so the first draw only draws: a style computed inside it dirties bounds
    // the same draw has just computed.
    if (!this.cy.destroyed()) this.onSettled();
    this.warm?.complete();
    this.releaseDrawing();
    this.setState('idle');
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  private setState(state: 'running' | 'idle'): void {
    this.cy.container()?.setAttribute('data-layout', state);
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.computing = false;
  }

  private compute(id: number, input: LayoutInput): Promise<Float64Array> {
    // A worker still busy with a superseded layout would make this one wait behind it.
    if (this.computing) this.dropWorker();
    const worker = this.ensureWorker();
    if (!worker) {
      // No worker (blocked or unsupported): same computation, after the current frame.
      return new Promise((resolve) => setTimeout(() => resolve(forceLayout(input)), 0));
    }
    this.computing = true;
    return new Promise((resolve, reject) => {
      const onMessage = (event: MessageEvent<LayoutResponse>) => {
        if (event.data.id !== id) return;
        cleanup();
        this.computing = false;
        resolve(event.data.positions);
      };
      const onError = (event: ErrorEvent) => {
        cleanup();
        this.workerBroken = true;
        this.dropWorker();
        // The worker could not even load: fall back to the main thread rather than no layout.
        if (id === this.seq) resolve(forceLayout(input));
        else reject(new Error(event.message));
      };
      const cleanup = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      const request: LayoutRequest = { id, input };
      worker.postMessage(request);
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerBroken) return this.worker;
    if (typeof Worker === 'undefined') return undefined;
    try {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      this.workerBroken = true;
    }
    return this.worker;
  }

  private apply(job: Job, positions: Float64Array): Promise<void> {
    const { cy } = this;
    const sizes = job.input.nodes.map((n) => n.size);
    const viewport = fitViewport(cy, positions, sizes);
    const movers = job.nodes.filter((node, i) => !job.input.nodes[i]!.fixed && !node.removed());
    const at = new Map(job.nodes.map((node, i) => [node.id(), { x: positions[2 * i]!, y: positions[2 * i + 1]! }]));
    if (movers.length > ANIMATE_MAX || movers.length === 0 || job.nodes.length > ANIMATE_MAX_SHOWN) {
      cy.batch(() => {
        for (const node of movers) node.position(at.get(node.id())!);
      });
      if (viewport) cy.viewport(viewport);
      return Promise.resolve();
    }
    // Cytoscape steps animations only while it draws.
    this.releaseDrawing();
    return new Promise((resolve) => {
      const ids = new Set(movers.map((node) => node.id()));
      const collection = cy.nodes().filter((node) => ids.has(node.id()));
      const layout = collection.layout({
        name: 'preset',
        positions: Object.fromEntries(at),
        animate: true,
        animationDuration: ANIMATION_MS,
        fit: false,
      });
      this.animation = layout;
      layout.one('layoutstop', () => {
        if (this.animation === layout) this.animation = undefined;
        resolve();
      });
      if (viewport) cy.animate({ ...viewport, duration: ANIMATION_MS });
      layout.run();
    });
  }
}
