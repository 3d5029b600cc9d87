/**
 * The layout computation, free of Cytoscape and the DOM so it runs in a Web Worker
 * (layout.worker.ts) and in unit tests. d3-force rather than fcose: fcose's default quality
 * took 413 s for 2,000 nodes here and its draft quality crashes without `randomize`; d3-force
 * is Barnes–Hut (n log n a tick), honours fixed nodes exactly (fx/fy) and takes distances in
 * pixels, so newcomers settle at the same scale as what is already drawn.
 *
 * Big graphs are laid out in two levels: the best-connected nodes first, on their own, then
 * everyone else dropped next to a placed neighbour, then a short refinement of the whole.
 * That needs a couple of dozen whole-graph ticks instead of hundreds.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export interface LayoutNode {
  /** Where it is now; absent for a node that was never placed. */
  x?: number;
  y?: number;
  /** Placed or pinned nodes that must not move. */
  fixed: boolean;
  /** Drawn diameter in model pixels. */
  size: number;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  /** Pairs of node indexes: source, target, source, target… */
  edges: Uint32Array;
}

interface SimNode extends SimulationNodeDatum {
  size: number;
}

/** Below this many free nodes one simulation from a spiral seed is quick enough. */
const SKELETON_FROM = 300;
const SKELETON_SIZE = 150;

/** Ticks for the whole-graph simulation: many for small graphs, a few dozen for big ones. */
export function tickBudget(freeNodes: number, totalNodes: number): number {
  if (freeNodes === 0) return 0;
  return Math.round(Math.min(300, Math.max(50, 60_000 / Math.max(totalNodes, 1))));
}

/**
 * Ticks for refining a drawing seeded from the skeleton: it starts close to its final shape.
 * At 2,000 nodes 22 ticks plus the settling ones (SETTLE_TICKS) took the computation from
 * 0.88 to 0.38 s CPU, with 785 slightly overlapping node pairs instead of 680 (none by more
 * than half a node) and a drawing a fifth wider; tests/client/force-layout.test.ts holds both.
 */
export function seededTickBudget(totalNodes: number): number {
  return Math.round(Math.min(300, Math.max(22, 44_000 / Math.max(totalNodes, 1))));
}

/** Collision-only ticks that end a big layout: they push apart what the short run left overlapping. */
const SETTLE_TICKS = 8;
/** Past this many nodes, one collision pass a tick (each costs as much as the charge) and the settling ticks. */
const BIG = 1000;

/** Deterministic jitter (layouts must be reproducible for tests and screenshots). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function adjacency(n: number, edges: Uint32Array): number[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const s = edges[i]!;
    const t = edges[i + 1]!;
    if (s === t || s >= n || t >= n) continue;
    adj[s]!.push(t);
    adj[t]!.push(s);
  }
  return adj;
}

function simulate(nodes: SimNode[], edges: Uint32Array, ticks: number, alpha: number): void {
  if (ticks <= 0 || nodes.length === 0) return;
  let cx = 0;
  let cy = 0;
  for (const d of nodes) {
    cx += d.x ?? 0;
    cy += d.y ?? 0;
  }
  cx /= nodes.length;
  cy /= nodes.length;
  const links: { source: number; target: number }[] = [];
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const s = edges[i]!;
    const t = edges[i + 1]!;
    if (s !== t && s < nodes.length && t < nodes.length) links.push({ source: s, target: t });
  }
  const alphaMin = 0.002;
  // A small canvas has room for its labels: spread it out (a dozen people linked to each other
  // otherwise pack into a ball their names cannot be read in); a big one stays compact.
  const small = nodes.length <= 300;
  const spread = small ? 2.5 : 1;
  const room = small ? 30 : 4;
  // Barnes–Hut's accuracy: d3's default is 0.9. Coarser is cheaper; past 300 nodes 1.5 took a
  // fifth off the layout of 2,000 with no more overlapping nodes (measured against 1.2).
  const theta = small ? 1.2 : 1.5;
  const sim = forceSimulation(nodes)
    .stop()
    .alpha(alpha)
    .alphaMin(alphaMin)
    .alphaDecay(1 - Math.pow(alphaMin / alpha, 1 / ticks))
    .force('charge', forceManyBody<SimNode>().strength((d) => (-60 - 3 * d.size) * spread).theta(theta).distanceMax(900))
    .force(
      'link',
      forceLink<SimNode, { source: number; target: number }>(links)
        .distance((l) => spread * (30 + ((l.source as unknown as SimNode).size + (l.target as unknown as SimNode).size) / 2))
        .iterations(1),
    )
    // A weak pull to the middle keeps separate components from drifting apart.
    .force('x', forceX(cx).strength(0.02))
    .force('y', forceY(cy).strength(0.02));
  // Overlaps only matter once the shape has formed; collision is as dear as the charge itself.
  const collideFrom = Math.floor(ticks * (small ? 0.3 : 0.4));
  const big = nodes.length > BIG;
  const collide = () => forceCollide<SimNode>((d) => d.size / 2 + room).iterations(big ? 1 : 2);
  for (let i = 0; i < ticks; i++) {
    if (i === collideFrom) sim.force('collide', collide());
    sim.tick();
  }
  if (!big) return;
  // Without charge and links, collision alone: cheaper than more full ticks, and it is what
  // removes the overlaps a short run leaves.
  sim.force('charge', null).force('link', null).force('x', null).force('y', null);
  for (let i = 0; i < SETTLE_TICKS; i++) sim.tick();
}

/**
 * When most nodes are fixed, only the movable ones and the fixed nodes near them take part:
 * far fixed nodes would cost a charge computation a tick and barely push.
 */
function localProblem(sim: SimNode[], edges: Uint32Array, margin: number): { nodes: SimNode[]; edges: Uint32Array } {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const d of sim) {
    if (d.fx !== undefined) continue;
    x1 = Math.min(x1, d.x!);
    y1 = Math.min(y1, d.y!);
    x2 = Math.max(x2, d.x!);
    y2 = Math.max(y2, d.y!);
  }
  const index = new Map<number, number>();
  const nodes: SimNode[] = [];
  sim.forEach((d, i) => {
    const near = d.x! >= x1 - margin && d.x! <= x2 + margin && d.y! >= y1 - margin && d.y! <= y2 + margin;
    if (d.fx === undefined || near) {
      index.set(i, nodes.length);
      nodes.push(d);
    }
  });
  const local: number[] = [];
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const s = index.get(edges[i]!);
    const t = index.get(edges[i + 1]!);
    if (s !== undefined && t !== undefined) local.push(s, t);
  }
  return { nodes, edges: Uint32Array.from(local) };
}

/** Golden-angle spiral: an even disc, densest in the middle, with `spacing` between neighbours. */
function spiral(i: number, spacing: number, cx = 0, cy = 0): { x: number; y: number } {
  const r = spacing * Math.sqrt(i + 0.5);
  const a = i * 2.399963229728653;
  return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
}

/** The best-connected free nodes, laid out on their own, become the frame the rest hang on. */
function placeSkeleton(sim: SimNode[], free: number[], adj: number[][], edges: Uint32Array): void {
  const skeleton = [...free].sort((a, b) => adj[b]!.length - adj[a]!.length).slice(0, SKELETON_SIZE);
  const local = new Map(skeleton.map((g, i) => [g, i]));
  const sub: SimNode[] = skeleton.map((g, i) => ({ ...spiral(i, 40), size: sim[g]!.size }));
  const subEdges: number[] = [];
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const s = local.get(edges[i]!);
    const t = local.get(edges[i + 1]!);
    if (s !== undefined && t !== undefined) subEdges.push(s, t);
  }
  // 100 ticks: the frame of 150 nodes has settled by then (200 gave no fewer overlaps at 2,000).
  simulate(sub, Uint32Array.from(subEdges), 100, 1);
  // Spread the frame so the nodes that will join it find room (1.2: the short refinement then
  // ends about as compact as a long one from 1.5 did).
  const spread = 1.2 * Math.sqrt(free.length / skeleton.length);
  skeleton.forEach((g, i) => {
    sim[g]!.x = sub[i]!.x! * spread;
    sim[g]!.y = sub[i]!.y! * spread;
  });
}

/** Places every unplaced node next to its placed neighbours, breadth first. */
function placeAround(sim: SimNode[], placed: boolean[], adj: number[][], rand: () => number): void {
  const queue: number[] = [];
  const crowd = new Map<number, number>();
  placed.forEach((p, i) => {
    if (p) queue.push(i);
  });
  for (let head = 0; head < queue.length; head++) {
    for (const next of adj[queue[head]!]!) {
      if (placed[next]) continue;
      let x = 0;
      let y = 0;
      let k = 0;
      for (const m of adj[next]!) {
        if (!placed[m]) continue;
        x += sim[m]!.x!;
        y += sim[m]!.y!;
        k += 1;
      }
      // Around a hub, newcomers go on a spiral of their own: a ring would pile hundreds on one circle.
      const around = queue[head]!;
      const slot = (crowd.get(around) ?? 0) + 1;
      crowd.set(around, slot);
      const p = spiral(slot + 2, 34, x / k, y / k);
      const jitter = rand() * 8;
      sim[next]!.x = p.x + jitter;
      sim[next]!.y = p.y + jitter;
      placed[next] = true;
      queue.push(next);
    }
  }
}

/** Nodes in no component with a placed node: a spiral beside the drawing. */
function placeStragglers(sim: SimNode[], placed: boolean[]): void {
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  sim.forEach((d, i) => {
    if (!placed[i]) return;
    maxX = Math.max(maxX, d.x!);
    minY = Math.min(minY, d.y!);
    maxY = Math.max(maxY, d.y!);
  });
  const anyPlaced = Number.isFinite(maxX);
  const rest = sim.map((_, i) => i).filter((i) => !placed[i]);
  const spacing = 50;
  const radius = spacing * Math.sqrt(rest.length);
  const cx = anyPlaced ? maxX + radius + 80 : 0;
  const cy = anyPlaced ? (minY + maxY) / 2 : 0;
  rest.forEach((g, i) => {
    Object.assign(sim[g]!, spiral(i, spacing, cx, cy));
    placed[g] = true;
  });
}

/**
 * New positions for every node, x and y interleaved. Fixed nodes keep theirs exactly;
 * the others settle around them.
 */
export function forceLayout(input: LayoutInput, seed = 1): Float64Array {
  const n = input.nodes.length;
  const adj = adjacency(n, input.edges);
  const rand = random(seed);
  const sim: SimNode[] = input.nodes.map((node) => {
    const d: SimNode = { size: Math.max(1, node.size || 1) };
    if (Number.isFinite(node.x) && Number.isFinite(node.y)) {
      d.x = node.x;
      d.y = node.y;
    }
    if (node.fixed && d.x !== undefined) {
      d.fx = d.x;
      d.fy = d.y;
    }
    return d;
  });
  const placed = sim.map((d) => d.x !== undefined);
  const free = sim.map((_, i) => i).filter((i) => !placed[i]);
  const movable = sim.filter((d) => d.fx === undefined).length;

  const seeded = free.length >= SKELETON_FROM && free.length === n;
  if (seeded) {
    placeSkeleton(sim, free, adj, input.edges);
    for (const g of free) if (sim[g]!.x !== undefined) placed[g] = true;
  } else if (!placed.some(Boolean)) {
    free.forEach((g, i) => Object.assign(sim[g]!, spiral(i, 45)));
    free.forEach((g) => (placed[g] = true));
  }
  placeAround(sim, placed, adj, rand);
  placeStragglers(sim, placed);

  // Newcomers among fixed nodes need less heat than a drawing made from nothing.
  const alpha = free.length === n ? 0.6 : 0.35;
  const problem = movable < n / 2 ? localProblem(sim, input.edges, 400) : { nodes: sim, edges: input.edges };
  const ticks = seeded ? seededTickBudget(n) : tickBudget(movable, problem.nodes.length);
  simulate(problem.nodes, problem.edges, ticks, alpha);

  const out = new Float64Array(2 * n);
  sim.forEach((d, i) => {
    out[2 * i] = d.fx ?? d.x ?? 0;
    out[2 * i + 1] = d.fy ?? d.y ?? 0;
  });
  return out;
}
