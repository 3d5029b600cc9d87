import { spawnSync } from 'node:child_process';

export interface NetworkxFigures {
  nodes: number;
  edges: number;
  degree: Record<string, number>;
  weightedDegree: Record<string, number>;
  pagerank: Record<string, number>;
  betweenness: Record<string, number>;
  betweennessOfSources?: Record<string, number>;
  modularity?: number;
  networkxModularity: number;
  networkxCommunities: number;
}

export interface NetworkxInput {
  nodes: string[];
  links: { source: string; target: string; weight: number }[];
  partition?: Record<string, number>;
  sources?: string[];
}

/** networkx's figures for a graph (tests/networkx/metrics.py; scripts/setup.sh --test installs networkx). */
export function networkx(input: NetworkxInput): NetworkxFigures {
  const run = spawnSync('python3', ['tests/networkx/metrics.py'], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 << 20 });
  if (run.status !== 0) throw new Error(`tests/networkx/metrics.py failed (scripts/setup.sh --test installs networkx and scipy): ${run.error ?? run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxFigures;
}

/** The largest difference between our figure and networkx's, node by node, over the same nodes. */
export function maxDifference(ours: Map<string, number>, theirs: Record<string, number>): number {
  const ids = Object.keys(theirs);
  if (ours.size !== ids.length || ids.some((id) => !ours.has(id))) throw new Error(`node sets differ: ${ours.size} ours, ${ids.length} networkx's`);
  return Math.max(0, ...ids.map((id) => Math.abs(ours.get(id)! - theirs[id]!)));
}
