import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import type { ConnectionGraph } from './connection-graph.ts';
import { cjsDefault } from './cjs.ts';
import { seededRandom } from './random.ts';

const betweennessCentrality = cjsDefault(betweennessModule);

export interface BetweennessResult {
  values: Record<string, number>;
  /** Breadth-first searches run: every node (exact) or the sample. */
  sources: number;
  exact: boolean;
}

/**
 * Betweenness over hops (a strong tie is not a short one, so weights are left out), normalized as
 * networkx's betweenness_centrality. Exact (graphology-metrics) when `samples` covers the graph;
 * otherwise estimated from `samples` source nodes drawn by a seeded shuffle (Brandes & Pich 2007,
 * networkx's `k`): each source's shortest-path DAG from graphology's indexed Brandes routine, its
 * dependencies accumulated as graphology-metrics does for all sources, and the sum scaled by
 * N / samples. Each source costs one breadth-first search of the whole graph.
 */
export function betweenness(graph: ConnectionGraph, samples: number, seed: number): BetweennessResult {
  const order = graph.order;
  if (samples >= order) {
    return { values: betweennessCentrality(graph, { getEdgeWeight: null }), sources: order, exact: true };
  }
  const brandes = createUnweightedIndexedBrandes(graph);
  const delta = new Float64Array(order);
  const centralities = new Float64Array(order);
  for (const source of sampleIndices(order, samples, seed)) {
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centralities[w]! += delta[w]!;
    }
  }
  const scale = order <= 2 ? 1 : (1 / ((order - 1) * (order - 2))) * (order / samples);
  for (let i = 0; i < order; i++) centralities[i]! *= scale;
  const index = (brandes as unknown as { index: { collect(values: Float64Array): Record<string, number> } }).index;
  return { values: index.collect(centralities), sources: samples, exact: false };
}

/** `count` distinct node positions (in graph.nodes() order), by a seeded partial Fisher–Yates shuffle. */
export function sampleIndices(order: number, count: number, seed: number): Uint32Array {
  const random = seededRandom(seed);
  const all = new Uint32Array(order);
  for (let i = 0; i < order; i++) all[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.subarray(0, count);
}
