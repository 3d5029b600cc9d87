/**
 * The canvas's choice of node under the pointer (client/src/graph/hit-test.ts): of overlapping
 * nodes, the one whose centre is nearest (relative to its size) wins, not the one drawn last.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { centredNode } from '../../client/src/graph/hit-test.ts';

function canvas(): cytoscape.Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    style: [
      { selector: 'node', style: { width: 'data(size)', height: 'data(size)', 'border-width': 0, shape: 'ellipse' } },
      { selector: 'node[shape]', style: { shape: 'data(shape)' as 'ellipse' } },
    ],
    // The hub first, its smaller neighbour after it (so drawn over its rim).
    elements: [
      { data: { id: 'hub', size: 50 }, position: { x: 0, y: 0 } },
      { data: { id: 'small', size: 30 }, position: { x: 12, y: 0 } },
      { data: { id: 'square', size: 20, shape: 'rectangle' }, position: { x: 200, y: 0 } },
    ],
  });
}

describe('centredNode', () => {
  const cy = canvas();
  const eles = cy.elements().toArray();
  const at = (x: number, y: number, slack = 0) => centredNode(eles, x, y, slack)?.id();

  it("picks the node whose centre is clicked, though a later node's body covers that point", () => {
    expect(at(0, 0)).toBe('hub');
    expect(at(12, 0)).toBe('small');
  });

  it('picks the node the pointer is deeper into where two overlap', () => {
    // 4 from the hub's centre (reach 0.16), 8 from the small one's (0.53); then 9 (0.36) and 3 (0.2).
    expect(at(4, 0)).toBe('hub');
    expect(at(9, 0)).toBe('small');
  });

  it("tests a square to its corners, and nothing outside a node's body and slack", () => {
    expect(at(209, 9)).toBe('square');
    expect(at(100, 100)).toBeUndefined();
    expect(at(212, 0)).toBeUndefined();
    expect(at(212, 0, 3)).toBe('square');
  });
});
