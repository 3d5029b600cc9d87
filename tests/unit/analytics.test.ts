/**
 * The metrics of shared/src/analytics against networkx's on the same graph (tests/networkx/metrics.py,
 * installed by scripts/setup.sh --test): a planted-partition graph with weights, folded parallel
 * relations and isolated nodes, the shape of a collection's connection graph.
 */
import { describe, expect, it } from 'vitest';
import { analyzeGraph, betweenness, connectionGraph, sampleIndices, seededRandom, type ConnectionLink } from '../../shared/src/analytics/index.ts';
import { maxDifference, networkx } from '../networkx/run.ts';

function plantedGraph(groups: number, size: number, seed: number) {
  const random = seededRandom(seed);
  const nodes: string[] = [];
  const links: ConnectionLink[] = [];
  for (let g = 0; g < groups; g++) for (let i = 0; i < size; i++) nodes.push(`Person:g${g}-${i}`);
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const same = Math.floor(a / size) === Math.floor(b / size);
      if (random() < (same ? 0.25 : 0.01)) {
        links.push({ source: nodes[a]!, target: nodes[b]!, weight: 1 + Math.floor(random() * 4) });
        // A typed relation beside the co-mention (weight 1): folded into the same edge.
        if (random() < 0.1) links.push({ source: nodes[b]!, target: nodes[a]!, weight: 1 });
      }
    }
  }
  nodes.push('Place:isolated-1', 'Place:isolated-2');
  return { nodes, links };
}

describe('connection-graph analytics agree with networkx', () => {
  const { nodes, links } = plantedGraph(6, 40, 7);
  const graph = connectionGraph(nodes, links);
  const analysis = analyzeGraph(graph, { betweennessSamples: graph.order });
  const sources = [...sampleIndices(graph.order, 40, 3)].map((i) => graph.nodes()[i]!);
  const partition = Object.fromEntries([...analysis.metrics].map(([id, m]) => [id, m.community]));
  const theirs = networkx({ nodes, links, partition, sources });
  const metric = (name: 'degree' | 'weightedDegree' | 'pagerank' | 'betweenness') => new Map([...analysis.metrics].map(([id, m]) => [id, m[name]]));

  it('folds parallel relations into one edge', () => {
    expect(links.length).toBeGreaterThan(graph.size);
    expect(graph.size).toBe(theirs.edges);
  });

  it('degree and weighted degree', () => {
    expect(maxDifference(metric('degree'), theirs.degree)).toBe(0);
    expect(maxDifference(metric('weightedDegree'), theirs.weightedDegree)).toBe(0);
  });

  it('PageRank within 1e-6', () => {
    expect(maxDifference(metric('pagerank'), theirs.pagerank)).toBeLessThan(1e-7);
  });

  it('exact betweenness within 1e-9', () => {
    expect(analysis.betweenness.exact).toBe(true);
    expect(maxDifference(metric('betweenness'), theirs.betweenness)).toBeLessThan(1e-9);
  });

  it('sampled betweenness is networkx sum over the same sources, scaled by N / samples', () => {
    const sampled = betweenness(graph, 40, 3);
    expect(sampled).toMatchObject({ sources: 40, exact: false });
    const n = graph.order;
    const expected = Object.fromEntries(Object.entries(theirs.betweennessOfSources!).map(([id, b]) => [id, ((2 * b) / ((n - 1) * (n - 2))) * (n / 40)]));
    expect(maxDifference(new Map(Object.entries(sampled.values)), expected)).toBeLessThan(1e-9);
    // An estimate, not the exact figure: the sample must have changed something.
    expect(maxDifference(new Map(Object.entries(sampled.values)), theirs.betweenness)).toBeGreaterThan(1e-6);
  });

  it('Louvain: modularity as networkx computes it for our partition, within 0.01 of networkx Louvain', () => {
    expect(Math.abs(analysis.modularity - theirs.modularity!)).toBeLessThan(1e-9);
    expect(Math.abs(theirs.modularity! - theirs.networkxModularity)).toBeLessThan(0.01);
    // The planted groups are found (isolated nodes are communities of their own).
    expect(analysis.communities).toBe(6 + 2);
  });

  it('numbers communities by size and gives the same partition for the same seed', () => {
    const sizes = new Map<number, number>();
    for (const m of analysis.metrics.values()) sizes.set(m.community, (sizes.get(m.community) ?? 0) + 1);
    const bySize = [...sizes].sort((a, b) => a[0] - b[0]).map(([, size]) => size);
    expect(bySize).toEqual([...bySize].sort((a, b) => b - a));
    const again = analyzeGraph(connectionGraph(nodes, links), { betweennessSamples: 0 });
    expect([...again.metrics].map(([id, m]) => [id, m.community])).toEqual([...analysis.metrics].map(([id, m]) => [id, m.community]));
  });
});
