import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyMetricStyle, COMMUNITY_COLORS, viewAnalysis } from '../../client/src/graph/metric-style.ts';

/** Two triangles joined by one bridge, an article hanging off one of them, and a hidden type. */
function canvas() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const person = (id: string) => ({ group: 'nodes' as const, data: { id, type: 'Person', label: id } });
  const co = (source: string, target: string, weight: number, articles = 1) => ({
    group: 'edges' as const,
    data: { id: `${source}~CO_MENTIONED~${target}`, source, target, type: 'CO_MENTIONED', weight, articles },
  });
  cy.add([
    ...['a', 'b', 'c', 'x', 'y', 'z'].map(person),
    { group: 'nodes', data: { id: 'art', type: 'Article', label: 'an article' } },
    co('a', 'b', 3), co('b', 'c', 3), co('a', 'c', 3),
    co('x', 'y', 3), co('y', 'z', 3), co('x', 'z', 3),
    { group: 'edges', data: { id: 'c~HOLDS_POSITION~x', source: 'c', target: 'x', type: 'HOLDS_POSITION' } },
    { group: 'edges', data: { id: 'art~MENTIONS~a', source: 'art', target: 'a', type: 'MENTIONS' } },
  ]);
  return cy;
}

describe('metrics of the view', () => {
  it('measures the entities and their links, leaving articles out', () => {
    const analysis = viewAnalysis(canvas());
    expect([...analysis.metrics.keys()].sort()).toEqual(['a', 'b', 'c', 'x', 'y', 'z']);
    // A co-mention weighs its sentences plus its articles; the stated relation 1.
    expect(analysis.metrics.get('c')).toMatchObject({ degree: 3, weightedDegree: 4 + 4 + 1 });
    expect(analysis.metrics.get('c')!.betweenness).toBeGreaterThan(analysis.metrics.get('a')!.betweenness);
    expect(analysis.communities).toBe(2);
  });

  it('sizes by the metric and colours by community, and takes both back off', () => {
    const cy = canvas();
    const analysis = viewAnalysis(cy);
    applyMetricStyle(cy, analysis, 'betweenness', true);
    const c = cy.getElementById('c');
    const a = cy.getElementById('a');
    expect(c.hasClass('metric-sized')).toBe(true);
    expect(Number(c.data('metricSize'))).toBeGreaterThan(Number(a.data('metricSize')));
    expect(cy.getElementById('art').hasClass('metric-sized')).toBe(false);
    expect(c.data('communityColor')).toBe(a.data('communityColor'));
    expect(c.data('communityColor')).not.toBe(cy.getElementById('x').data('communityColor'));
    expect(COMMUNITY_COLORS).toContain(c.data('communityColor'));
    applyMetricStyle(cy, null, 'none', false);
    expect(cy.nodes('.metric-sized, .metric-community')).toHaveLength(0);
  });

  it('leaves a hidden type out of the measure', () => {
    const cy = canvas();
    cy.getElementById('c').addClass('type-hidden');
    const analysis = viewAnalysis(cy);
    expect(analysis.metrics.has('c')).toBe(false);
    expect(analysis.communities).toBe(2);
  });
});
