/**
 * LayoutRunner on a headless Cytoscape (no Worker in Node: the layout runs on the same thread,
 * in a timer, as it does in a browser whose worker failed to load). The first draw of a big new
 * graph must find every style computed: one computed inside the draw dirties bounds it has just
 * computed, and the draw is the critical path of a first paint (bench:ui).
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { LayoutRunner } from '../../client/src/graph/layout.ts';
import { liteGraphStyle, sizeFor } from '../../client/src/graph/style.ts';
import { generateGraph } from '../../server/src/bench/ui-graph.ts';

/** Cytoscape's own flag for a style to be computed before the element is next drawn. */
const due = (cy: cytoscape.Core) => cy.elements().filter((ele) => (ele as unknown as { _private: { styleDirty: boolean } })._private.styleDirty).length;

describe('LayoutRunner, a big new graph', () => {
  it('places every node and leaves no style due, though classes changed while it ran', async () => {
    const graph = generateGraph(600);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: liteGraphStyle });
    cy.add([
      ...graph.nodes.map((node) => ({ group: 'nodes' as const, data: { ...node, size: sizeFor(node.type, node.weight) } })),
      ...graph.edges.map((edge) => ({ group: 'edges' as const, data: { ...edge } })),
    ]);
    let settled = 0;
    const runner = new LayoutRunner(cy);
    runner.onSettled = () => {
      settled += 1;
      // What level-of-detail does on settling: labels for the final positions.
      cy.nodes().slice(0, 50).addClass('label-shown');
    };
    const run = runner.run('fresh');
    // What a search does right after adding: select the hit, which fades nearly everything.
    cy.elements().slice(10).addClass('faded');
    await run;
    expect(settled).toBe(1);
    // Drawing released (@types/cytoscape lacks batching()).
    expect((cy as unknown as { batching(): boolean }).batching()).toBe(false);
    expect(due(cy)).toBe(0);
    const spots = new Set(cy.nodes().map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`));
    expect(spots.size).toBeGreaterThan(590);
    runner.destroy();
    cy.destroy();
  });

  it('lays out with links not on the canvas yet (the edges of a big drawing come after its first paint)', async () => {
    const graph = generateGraph(600);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: liteGraphStyle });
    cy.add(graph.nodes.map((node) => ({ group: 'nodes' as const, data: { ...node, size: sizeFor(node.type, node.weight) } })));
    const runner = new LayoutRunner(cy);
    await runner.run('fresh', graph.edges);
    const at = (id: string) => cy.getElementById(id).position();
    const distance = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    const mean = (pairs: [string, string][]) => pairs.reduce((sum, [a, b]) => sum + distance(a, b), 0) / pairs.length;
    const linked = mean(graph.edges.map((e) => [e.source, e.target]));
    // The same number of pairs, each node with the one 300 places on: unrelated by construction.
    const unrelated = mean(graph.edges.map((e, i) => [graph.nodes[i % 600]!.id, graph.nodes[(i + 300) % 600]!.id]));
    // Laid out without its links, a linked pair would be as far apart as any other.
    expect(linked).toBeLessThan(unrelated * 0.6);
    runner.destroy();
    cy.destroy();
  });
});
