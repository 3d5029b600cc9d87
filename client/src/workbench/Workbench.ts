/**
 * The analyst's workbench: every canvas action goes through here, so each one is an undo step and
 * a URL. React reads its state through `subscribe`/`getState` (useSyncExternalStore); the canvas
 * itself stays in GraphView.
 */
import type { ConnectionType, EntityType, NodeType, Subgraph } from '@guanxi/shared';
import type cytoscape from 'cytoscape';
import type { PathAnswer } from '../api/queries.ts';
import { ApiError, errorMessage } from '../api/graphql.ts';
import type { GraphView } from '../graph/GraphView.ts';
import { mergeSubgraph } from '../graph/elements.ts';
import { seedPositions } from '../graph/layout.ts';
import {
  applySnapshot,
  applyWindow,
  dataNodes,
  handleId,
  highlightPaths,
  pinPosition,
  setHidden,
  setMoreHandle,
  setPinned,
  takeSnapshot,
  type CanvasSnapshot,
} from '../graph/canvasState.ts';
import { UndoStack } from './undo.ts';
import { fetchAround, fetchAroundAll, fetchExactly, type ExpandOptions } from './fetching.ts';

export type { ExpandOptions } from './fetching.ts';
import { EMPTY_VIEW, type ViewMode, type ViewState } from './viewState.ts';

/** New neighbours an expansion adds at most; the rest wait behind the hub's "+N more" handle. */
export const EXPAND_CAP = 30;
/** Nodes a mode switch re-expands from (the connections query takes 50 ids a call). */
const SWITCH_SEEDS = 50;
/**
 * A new drawing of this many nodes or more shows its nodes first and adds its edges after that
 * first paint (GraphView.addEdgesAfterPaint). From LITE_FROM: the canvas is big, lighter styles,
 * with or without its edges.
 */
const EDGES_AFTER_NODES_FROM = 1000;

/** A message for the user: an i18n key and its values, translated when shown. */
export interface Notice {
  kind: 'notice' | 'error';
  key: string;
  params?: Record<string, string | number>;
  /** Raw text from the server, shown after the translated message. */
  detail?: string;
  retry?: () => void;
}

export interface NodeRef {
  id: string;
  type: string;
  label: string;
}

interface Step {
  canvas: CanvasSnapshot;
  mode: ViewMode;
  hiddenTypes: NodeType[];
  from: string | null;
  to: string | null;
}

export interface WorkbenchState {
  mode: ViewMode;
  hiddenTypes: ReadonlySet<NodeType>;
  from: string | null;
  to: string | null;
  hidden: NodeRef[];
  pinned: NodeRef[];
  canUndo: boolean;
  canRedo: boolean;
  pending: number;
  notice: Notice | undefined;
  /** Bumped by every committed change: the URL follows it. */
  version: number;
}

const ref = (n: cytoscape.NodeSingular): NodeRef => ({ id: n.id(), type: String(n.data('type')), label: String(n.data('label') ?? n.id()) });

const EMPTY_STEP: Step = { canvas: { nodes: [], edges: [] }, mode: 'connections', hiddenTypes: [], from: null, to: null };

export class Workbench {
  private view: GraphView | null = null;
  /** Resolves once the last place() has put its edges on the canvas too (at once, unless deferred). */
  private placing: Promise<void> = Promise.resolve();
  private deferred = false;
  private readonly history = new UndoStack<Step>(EMPTY_STEP);
  private listeners = new Set<() => void>();
  private state: WorkbenchState = {
    mode: 'connections',
    hiddenTypes: new Set(),
    from: null,
    to: null,
    hidden: [],
    pinned: [],
    canUndo: false,
    canRedo: false,
    pending: 0,
    notice: undefined,
    version: 0,
  };
  /** Called after each committed change, with whether it came from restoring a view (no new URL). */
  onCommit: (view: ViewState, fromRestore: boolean) => void = () => {};

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): WorkbenchState => this.state;

  private set(patch: Partial<WorkbenchState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** The canvas, for panels that style it without changing the view (metrics). */
  graphView(): GraphView | null {
    return this.view;
  }

  attach(view: GraphView | null): void {
    this.view = view;
    // A drag is a canvas action too: undo puts the node back.
    view?.cy.on('dragfree', 'node', () => this.commit());
  }

  get cy(): cytoscape.Core | undefined {
    return this.view?.cy;
  }

  // ---- messages ----

  say(notice: Notice | undefined): void {
    this.set({ notice });
  }

  /** Every action starts here: yesterday's notice does not describe today's canvas. */
  private begin(): void {
    if (this.state.notice) this.set({ notice: undefined });
  }

  private failed(error: unknown, retry?: () => void): void {
    const code = error instanceof ApiError ? error.code : undefined;
    const key = code === 'QUERY_TIMEOUT' || code === 'SERVICE_UNAVAILABLE' ? `errors.${code}` : error instanceof ApiError && error.kind === 'network' ? 'errors.network' : 'app.failed';
    this.say({ kind: 'error', key, detail: key === 'app.failed' ? errorMessage(error) : undefined, retry });
  }

  private async busy<T>(work: () => Promise<T>): Promise<T> {
    this.set({ pending: this.state.pending + 1 });
    try {
      return await work();
    } finally {
      this.set({ pending: this.state.pending - 1 });
    }
  }

  // ---- history ----

  private step(): Step {
    return {
      canvas: this.view ? takeSnapshot(this.view.cy) : EMPTY_STEP.canvas,
      mode: this.state.mode,
      hiddenTypes: [...this.state.hiddenTypes],
      from: this.state.from,
      to: this.state.to,
    };
  }

  /** Records the canvas as an undo step and tells the URL. */
  commit(fromRestore = false): void {
    this.history.push(this.step());
    this.publish(fromRestore);
  }

  private publish(fromRestore: boolean): void {
    const cy = this.view?.cy;
    this.view?.refresh();
    this.set({
      hidden: cy ? dataNodes(cy).filter('.user-hidden').map(ref) : [],
      pinned: cy ? dataNodes(cy).filter('.pinned').map(ref) : [],
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      version: this.state.version + 1,
    });
    this.onCommit(this.currentView(), fromRestore);
  }

  undo(): void {
    const step = this.history.undo();
    if (step) this.apply(step);
  }

  redo(): void {
    const step = this.history.redo();
    if (step) this.apply(step);
  }

  private apply(step: Step): void {
    this.begin();
    const view = this.view;
    if (!view) return;
    applySnapshot(view.cy, step.canvas);
    this.state = { ...this.state, mode: step.mode, hiddenTypes: new Set(step.hiddenTypes), from: step.from, to: step.to };
    view.setHiddenTypes(step.hiddenTypes);
    applyWindow(view.cy, step.from, step.to);
    this.publish(false);
  }

  // ---- the view as data ----

  currentView(): ViewState {
    const cy = this.view?.cy;
    if (!cy) return { ...EMPTY_VIEW, mode: this.state.mode };
    const nodes = dataNodes(cy);
    const pins: ViewState['pins'] = {};
    nodes.filter('.pinned').forEach((n) => {
      pins[n.id()] = [Math.round(n.position('x')), Math.round(n.position('y'))];
    });
    return {
      mode: this.state.mode,
      nodes: nodes.map((n) => n.id()),
      pins,
      hidden: nodes.filter('.user-hidden').map((n) => n.id()),
      hiddenTypes: [...this.state.hiddenTypes],
      from: this.state.from,
      to: this.state.to,
    };
  }

  /**
   * Makes the canvas show `target`: asks the server only for nodes not already there. `fromUrl`:
   * the URL already says so (load, Back/Forward); otherwise (a named or imported view) it is a new entry.
   */
  async restore(target: ViewState, fromUrl = true): Promise<void> {
    this.begin();
    const view = this.view;
    if (!view) return;
    const cy = view.cy;
    if (target.mode !== this.state.mode) {
      view.clear();
      this.state = { ...this.state, mode: target.mode };
    }
    const wanted = new Set(target.nodes);
    cy.batch(() => {
      cy.nodes().filter((n) => !wanted.has(n.id())).remove();
    });
    const present = new Set(cy.nodes().map((n) => n.id()));
    const missing = target.nodes.filter((id) => !present.has(id));
    if (missing.length > 0) {
      try {
        const graph = await this.busy(() => fetchExactly(target.mode, target.nodes));
        const found = new Set(graph.nodes.map((n) => n.id));
        const lost = missing.filter((id) => !found.has(id)).length;
        this.place(graph, undefined, target.pins);
        await this.placing;
        if (lost > 0) this.say({ kind: 'notice', key: 'canvas.missing', params: { count: lost } });
      } catch (error) {
        this.say({ kind: 'error', key: 'canvas.restoreFailed', params: { message: errorMessage(error) }, retry: () => void this.restore(target) });
        return;
      }
    }
    cy.batch(() => {
      dataNodes(cy).forEach((node) => {
        const pin = target.pins[node.id()];
        if (pin) pinPosition(node, pin);
        else setPinned(node, false);
      });
      const hidden = new Set(target.hidden);
      dataNodes(cy).forEach((node) => {
        node.toggleClass('user-hidden', hidden.has(node.id()));
      });
    });
    this.state = { ...this.state, hiddenTypes: new Set(target.hiddenTypes), from: target.from, to: target.to };
    view.setHiddenTypes(target.hiddenTypes);
    applyWindow(cy, target.from, target.to);
    this.commit(fromUrl);
  }

  /**
   * Adds a subgraph: new nodes seeded around the anchor, pinned ones where the view pins them, then
   * laid out. A big new drawing gets its edges after its first paint: callers that go on to read
   * or record the canvas (select, undo step, URL) wait for `placing`.
   */
  private place(graph: Subgraph, anchorId?: string, pins: ViewState['pins'] = {}): number {
    const view = this.view!;
    const cy = view.cy;
    const wasEmpty = dataNodes(cy).empty();
    const deferEdges = wasEmpty && graph.nodes.length >= EDGES_AFTER_NODES_FROM;
    view.prepareFor(graph.nodes.length + graph.edges.length);
    const added = mergeSubgraph(cy, deferEdges ? { ...graph, edges: [] } : graph);
    const fresh = added.nodes();
    fresh.forEach((node) => {
      const pin = pins[node.id()];
      if (pin) pinPosition(node, pin);
    });
    seedPositions(cy, fresh.filter((n) => !n.locked()), anchorId);
    // Only the newcomers can lack the filter's class; every caller commits, which recounts.
    view.hideFilteredTypes(fresh);
    applyWindow(cy, this.state.from, this.state.to);
    view.layoutAdded(fresh, wasEmpty, deferEdges ? graph.edges : []);
    this.deferred = deferEdges;
    this.placing = deferEdges
      ? view.addEdgesAfterPaint(graph.edges).then(() => {
          if (this.view === view) applyWindow(cy, this.state.from, this.state.to);
        })
      : Promise.resolve();
    return fresh.length;
  }

  // ---- actions ----

  /** Adds what is around `id`: its strongest neighbours up to the cap, a "+N more" handle for the rest. */
  async expand(id: string, options: ExpandOptions = {}): Promise<void> {
    this.begin();
    if (!this.view) return;
    const mode = this.state.mode;
    const limit = options.limit ?? EXPAND_CAP;
    try {
      const graph = await this.busy(() => fetchAround(mode, id, limit, options));
      if (!this.view || this.state.mode !== mode) return;
      if (graph.nodes.length === 0) {
        this.say({ kind: 'notice', key: 'canvas.nothingAround', params: { id } });
        return;
      }
      const added = this.place(graph, id);
      const label = graph.nodes.find((n) => n.id === id)?.label ?? id;
      const total = graph.totalNodes;
      const remaining = total !== undefined ? Math.max(total - graph.nodes.length, 0) : graph.truncated ? null : 0;
      setMoreHandle(this.view.cy, id, remaining, remaining === null ? '+…' : `+${remaining}`, {
        limit: limit + EXPAND_CAP,
        types: options.types ?? null,
        relTypes: options.relTypes ?? null,
      });
      if (added === 0 && remaining === 0) this.say({ kind: 'notice', key: 'canvas.allThere', params: { label } });
      else if (remaining !== 0 && total !== undefined && options.limit === undefined) {
        this.say({ kind: 'notice', key: 'canvas.capped', params: { label, total: total - 1, shown: graph.nodes.length - 1, more: remaining ?? 0 } });
      }
      // Not waited for when the edges come after the first paint: the caller selects the node
      // meanwhile (its fade already counts the coming edges), the undo step and URL follow them.
      if (this.deferred) void this.placing.then(() => this.view && this.commit());
      else this.commit();
    } catch (error) {
      this.failed(error, () => void this.expand(id, options));
    }
  }

  /** The "+N more" handle was clicked: the next EXPAND_CAP neighbours of its hub. */
  async more(handle: string): Promise<void> {
    const node = this.view?.cy.getElementById(handle);
    if (!node || node.empty()) return;
    const data = node.data() as { hub: string; limit: number; types: EntityType[] | null; relTypes: ConnectionType[] | null };
    await this.expand(data.hub, { limit: data.limit, types: data.types ?? undefined, relTypes: data.relTypes ?? undefined });
  }

  /** Puts single nodes on the canvas (an article's mention clicked), linked to what is there already. */
  async add(ids: string[]): Promise<void> {
    this.begin();
    const cy = this.view?.cy;
    if (!cy) return;
    const fresh = ids.filter((id) => cy.getElementById(id).empty());
    if (fresh.length === 0) return;
    try {
      const all = [...dataNodes(cy).map((n) => n.id()), ...fresh];
      const graph = await this.busy(() => fetchExactly(this.state.mode, all));
      this.place({ ...graph, nodes: graph.nodes }, undefined);
      await this.placing;
      this.commit();
    } catch (error) {
      this.failed(error, () => void this.add(ids));
    }
  }

  private nodes(ids: string[]): cytoscape.NodeCollection {
    const cy = this.view!.cy;
    let found = cy.collection();
    for (const id of ids) {
      const node = cy.getElementById(id);
      if (node.nonempty() && node.isNode()) found = found.union(node);
    }
    return found as cytoscape.NodeCollection;
  }

  private change(action: () => void): void {
    this.begin();
    if (!this.view) return;
    action();
    this.commit();
  }

  remove(ids: string[]): void {
    this.change(() => {
      const nodes = this.nodes(ids);
      // A removed hub takes its handle with it.
      nodes.union(this.nodes(ids.map(handleId))).remove();
    });
  }

  removeSelected(): void {
    const cy = this.view?.cy;
    if (!cy || cy.$(':selected').empty()) return;
    this.change(() => {
      const selected = cy.$(':selected');
      selected.union(this.nodes(selected.nodes().map((n) => handleId(n.id())))).remove();
    });
  }

  hide(ids: string[], hidden = true): void {
    this.change(() => setHidden(this.nodes(ids), hidden));
  }

  hideSelected(): void {
    const ids = this.view?.cy.$('node:selected').map((n) => n.id()) ?? [];
    if (ids.length > 0) this.hide(ids);
  }

  pin(ids: string[], pinned = true): void {
    this.change(() => setPinned(this.nodes(ids), pinned));
  }

  clear(): void {
    this.change(() => {
      this.view!.clear();
      highlightPaths(this.view!.cy, [], []);
    });
  }

  setHiddenTypes(types: ReadonlySet<NodeType>): void {
    this.change(() => {
      this.state = { ...this.state, hiddenTypes: new Set(types) };
      this.view!.setHiddenTypes(types);
    });
  }

  /** Shows the window on the canvas now; `commit` makes it an undo step (a drag commits once, at its end). */
  setWindow(from: string | null, to: string | null, commit = true): void {
    this.begin();
    if (!this.view) return;
    this.state = { ...this.state, from, to };
    applyWindow(this.view.cy, from, to);
    this.view.refresh();
    if (commit) this.commit();
    else this.set({});
  }

  /** Switching views keeps the entities on the canvas and redraws what is around them in the other view. */
  async switchMode(mode: ViewMode): Promise<void> {
    this.begin();
    const view = this.view;
    if (!view || this.state.mode === mode) return;
    const entities = dataNodes(view.cy).filter((n) => n.data('type') !== 'Article').map((n) => n.id());
    const selected = view.cy.$(':selected').map((el) => el.id());
    view.clear();
    this.set({ mode });
    if (entities.length === 0) {
      this.commit();
      return;
    }
    try {
      const seeds = entities.slice(0, SWITCH_SEEDS);
      const graph = await this.busy(() => fetchAroundAll(mode, seeds, 150));
      if (this.state.mode !== mode) return;
      this.place(graph, seeds[0]);
      await this.placing;
      // Switching views keeps the selection (what is in both views).
      for (const id of selected) view.cy.getElementById(id).select();
      this.commit();
    } catch (error) {
      this.failed(error, () => void this.switchMode(mode));
    }
  }

  /** Puts the paths on the canvas and highlights them; an empty list clears the highlight. */
  showPaths(found: PathAnswer[], fromId?: string): void {
    this.change(() => {
      const cy = this.view!.cy;
      const nodes = found.flatMap((p) => p.nodes);
      const edges = found.flatMap((p) => p.edges);
      if (nodes.length > 0) this.place({ nodes, edges, truncated: false }, fromId);
      highlightPaths(cy, nodes.map((n) => n.id), edges.map((e) => e.id));
    });
  }

  /** Selects an element and brings it into view, if it is on the canvas. */
  focus(id: string): void {
    this.view?.focus(id);
  }

  fit(): void {
    this.view?.fit();
  }

  zoomToSelection(): void {
    this.view?.zoomToSelection();
  }

  relayout(): void {
    this.view?.relayout();
  }
}
