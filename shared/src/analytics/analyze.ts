import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree.js';
import { betweenness } from './betweenness.ts';
import { cjsDefault } from './cjs.ts';
import type { ConnectionGraph } from './connection-graph.ts';
import { seededRandom } from './random.ts';

const louvain = cjsDefault(louvainModule);
const pagerank = cjsDefault(pagerankModule);

/** What `guanxi analyze` stores on each entity and the explorer computes for a view. */
export interface EntityMetrics {
  /** Entities it is linked to (co-mentions and typed relations, each neighbour once). */
  degree: number;
  /** The sum of those links' weights. */
  weightedDegree: number;
  pagerank: number;
  betweenness: number;
  /** Louvain community, numbered by size: 0 is the largest. */
  community: number;
}

export const METRICS = ['degree', 'weightedDegree', 'pagerank', 'betweenness', 'community'] as const;
export type MetricName = (typeof METRICS)[number];

export type AnalysisStep = 'degree' | 'pagerank' | 'betweenness' | 'communities';

export interface AnalysisOptions {
  /**
   * Betweenness sources: the exact figure when the graph has at most this many nodes, else an
   * estimate from this many sampled sources (see betweenness.ts). 0 skips betweenness (all 0).
   */
  betweennessSamples?: number;
  /** Seeds Louvain's node order and the betweenness sample. */
  seed?: number;
  /** Louvain's resolution (1: standard modularity). */
  resolution?: number;
  /** PageRank's tolerance per node (graphology's and networkx's convergence test: L1 change < N × tolerance). */
  pagerankTolerance?: number;
  /** Called as each step starts, for progress displays. */
  onStep?: (step: AnalysisStep) => void;
}

export interface Analysis {
  /** Per node, in graph.nodes() order. */
  metrics: Map<string, EntityMetrics>;
  communities: number;
  /** Modularity of the partition (weighted, at the given resolution). */
  modularity: number;
  betweenness: { sources: number; exact: boolean };
  /** Wall-clock seconds a step. */
  seconds: Record<AnalysisStep, number>;
}

/** Sources of the betweenness estimate: a breadth-first search of the whole graph each (docs/benchmarks.md). */
export const DEFAULT_BETWEENNESS_SAMPLES = 100;
const DEFAULT_SEED = 20;
/**
 * Per node, as graphology and networkx test convergence (the ranks' L1 change under N × tolerance).
 * networkx's default 1e-6 lets a graph of 250,000 nodes stop at a total change of 0.25, in ranks
 * that sum to 1; 1e-9 stops at 2.5e-4 there, ~20 iterations fewer than 1e-10 (each a pass over
 * every link), and within 1e-7 of networkx's converged figures on the test graph.
 */
const PAGERANK_TOLERANCE = 1e-9;

/** Every metric of a connection graph, with the well-kept implementations of graphology's libraries. */
export function analyzeGraph(graph: ConnectionGraph, options: AnalysisOptions = {}): Analysis {
  const seed = options.seed ?? DEFAULT_SEED;
  const seconds = { degree: 0, pagerank: 0, betweenness: 0, communities: 0 };
  const timed = <T>(step: AnalysisStep, work: () => T): T => {
    options.onStep?.(step);
    const started = performance.now();
    try {
      return work();
    } finally {
      seconds[step] = (performance.now() - started) / 1000;
    }
  };

  const metrics = new Map<string, EntityMetrics>();
  timed('degree', () =>
    graph.forEachNode((id) => {
      metrics.set(id, { degree: graph.degree(id), weightedDegree: weightedDegree(graph, id, 'weight'), pagerank: 0, betweenness: 0, community: 0 });
    }),
  );
  if (graph.order === 0) return { metrics, communities: 0, modularity: 0, betweenness: { sources: 0, exact: true }, seconds };

  const ranks = timed('pagerank', () =>
    pagerank(graph, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000, tolerance: options.pagerankTolerance ?? PAGERANK_TOLERANCE }),
  );
  for (const [id, value] of Object.entries(ranks)) metrics.get(id)!.pagerank = value;

  const samples = options.betweennessSamples ?? DEFAULT_BETWEENNESS_SAMPLES;
  const between = timed('betweenness', () => (samples > 0 ? betweenness(graph, samples, seed) : null));
  if (between) for (const [id, value] of Object.entries(between.values)) metrics.get(id)!.betweenness = value;

  const partition = timed('communities', () =>
    // Fast local moves (only the neighbours of a moved node are visited again) and nodes taken in
    // order rather than by random walk: the same modularity on the bench graph, less work a pass.
    louvain.detailed(graph, { getEdgeWeight: 'weight', resolution: options.resolution ?? 1, rng: seededRandom(seed), fastLocalMoves: true, randomWalk: false }),
  );
  const bySize = numberBySize(partition.communities);
  for (const [id, community] of Object.entries(partition.communities)) metrics.get(id)!.community = bySize.get(community)!;

  return {
    metrics,
    communities: bySize.size,
    modularity: partition.modularity,
    betweenness: between ? { sources: between.sources, exact: between.exact } : { sources: 0, exact: false },
    seconds,
  };
}

/** Louvain's labels are arbitrary: renumber them largest first (ties by label), so 0 is the biggest group. */
function numberBySize(communities: Record<string, number>): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const label of Object.values(communities)) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  const ordered = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Map(ordered.map(([label], rank) => [label, rank]));
}
