import { describe, expect, it } from 'vitest';
import { forceLayout, type LayoutNode } from '../../client/src/graph/force-layout.ts';
import { sizeFor } from '../../client/src/graph/style.ts';
import { generateGraph } from '../../server/src/bench/ui-graph.ts';

function input(n: number) {
  const graph = generateGraph(n);
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const edges = Uint32Array.from(graph.edges.flatMap((e) => [index.get(e.source)!, index.get(e.target)!]));
  const nodes: LayoutNode[] = graph.nodes.map(() => ({ fixed: false, size: 24 }));
  return { nodes, edges };
}

describe('forceLayout', () => {
  it('places every node of a big graph at a finite position, without piling them up', () => {
    const { nodes, edges } = input(600);
    const pos = forceLayout({ nodes, edges });
    expect(pos.length).toBe(1200);
    expect(pos.every(Number.isFinite)).toBe(true);
    const distinct = new Set<string>();
    for (let i = 0; i < 600; i++) distinct.add(`${Math.round(pos[2 * i]!)},${Math.round(pos[2 * i + 1]!)}`);
    expect(distinct.size).toBeGreaterThan(590);
  });

  it('keeps fixed (placed or pinned) nodes exactly where they are and settles newcomers near their links', () => {
    const { nodes, edges } = input(200);
    const first = forceLayout({ nodes, edges });
    const placed: LayoutNode[] = nodes.map((n, i) => ({ ...n, x: first[2 * i]!, y: first[2 * i + 1]!, fixed: true }));
    // Ten newcomers, each linked to node 5.
    const all = [...placed, ...Array.from({ length: 10 }, () => ({ fixed: false, size: 20 }))];
    const more = Uint32Array.from([...edges, ...Array.from({ length: 10 }, (_, k) => [5, 200 + k]).flat()]);
    const second = forceLayout({ nodes: all, edges: more });
    for (let i = 0; i < 200; i++) {
      expect(second[2 * i]).toBe(first[2 * i]);
      expect(second[2 * i + 1]).toBe(first[2 * i + 1]);
    }
    for (let k = 0; k < 10; k++) {
      const d = Math.hypot(second[2 * (200 + k)]! - first[10]!, second[2 * (200 + k) + 1]! - first[11]!);
      expect(d).toBeLessThan(600);
    }
  });

  it('handles no edges, self-loops and a single node', () => {
    expect([...forceLayout({ nodes: [{ fixed: false, size: 10 }], edges: new Uint32Array() })].every(Number.isFinite)).toBe(true);
    const pos = forceLayout({ nodes: [{ fixed: false, size: 10 }, { fixed: false, size: 10 }], edges: Uint32Array.from([0, 0, 0, 1, 1, 7]) });
    expect([...pos].every(Number.isFinite)).toBe(true);
  });
});

describe('forceLayout of a big new graph (the short refinement from the skeleton)', () => {
  it('spreads 2,000 nodes into a round drawing with no node hidden under another', () => {
    const graph = generateGraph(2000);
    const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
    const edges = Uint32Array.from(graph.edges.flatMap((e) => [index.get(e.source)!, index.get(e.target)!]));
    const nodes: LayoutNode[] = graph.nodes.map((node) => ({ fixed: false, size: sizeFor(node.type, node.weight) }));
    const pos = forceLayout({ nodes, edges });
    let touching = 0;
    let hidden = 0;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const d = Math.hypot(pos[2 * i]! - pos[2 * j]!, pos[2 * i + 1]! - pos[2 * j + 1]!);
        const reach = (nodes[i]!.size + nodes[j]!.size) / 2;
        if (d < reach) touching++;
        if (d < reach / 2) hidden++;
      }
    }
    // Measured: 785 pairs touch (0.04% of all pairs), none by more than half a node.
    expect(hidden).toBeLessThanOrEqual(2);
    expect(touching).toBeLessThan(1200);
    const xs = nodes.map((_, i) => pos[2 * i]!);
    const ys = nodes.map((_, i) => pos[2 * i + 1]!);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    // A disc, not a line or a blob: measured 2,665 × 2,454 (the long layout's was 2,226 × 2,256).
    expect(width / height).toBeGreaterThan(0.7);
    expect(width / height).toBeLessThan(1.4);
    expect(width * height).toBeLessThan(2.5 * 2226 * 2256);
    expect(width * height).toBeGreaterThan(0.5 * 2226 * 2256);
  });
});
