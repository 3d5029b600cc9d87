/**
 * The Workbench on a headless Cytoscape: undo/redo of canvas actions, hide vs remove, pins, the
 * "+N more" handle, the time window, and a view restored from its URL form. The API is a fetch stub.
 */
import cytoscape from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphView } from '../../client/src/graph/GraphView.ts';
import { EXPAND_CAP, Workbench } from '../../client/src/workbench/Workbench.ts';
import { viewFromSearch, viewToSearch } from '../../client/src/workbench/viewState.ts';
import { mergeSubgraph } from '../../client/src/graph/elements.ts';

const node = (id: string, type = 'Person') => ({ id, type, label: id.split(':')[1], weight: 1 });
const edge = (a: string, b: string, firstDate: string, lastDate: string) => ({ id: `${a}~CO_MENTIONED~${b}`, source: a, target: b, type: 'CO_MENTIONED', weight: 1, articles: 1, firstDate, lastDate });

/** A hub with 40 neighbours, ranked; links dated one month each, January to April 2021. */
const HUB = 'Person:hub';
const NEIGHBOURS = Array.from({ length: 40 }, (_, i) => `Person:n${String(i).padStart(2, '0')}`);
const MONTH = (i: number) => `2021-0${(i % 4) + 1}-15`;

function answer(query: string, variables: { ids: string[]; depth: number; limit: number }) {
  if (query.includes('connections(')) {
    const { ids, depth, limit } = variables;
    const wanted = depth === 0 ? ids : [HUB, ...NEIGHBOURS].slice(0, limit);
    const nodes = wanted.map((id) => node(id));
    const edges = NEIGHBOURS.map((n, i) => edge(HUB, n, MONTH(i), MONTH(i))).filter((e) => wanted.includes(e.source) && wanted.includes(e.target));
    return { connections: { nodes, edges, truncated: depth > 0 && limit < 41, totalNodes: depth === 0 ? ids.length : 41 } };
  }
  throw new Error(`unexpected query ${query.slice(0, 40)}`);
}

function fakeView(cy: cytoscape.Core): GraphView {
  let hidden = new Set<string>();
  return {
    cy,
    refresh: () => {},
    setHiddenTypes: (types: Iterable<string>) => {
      hidden = new Set(types);
      cy.nodes().forEach((n) => {
        n.toggleClass('type-hidden', hidden.has(n.data('type')));
      });
    },
    hideFilteredTypes: (nodes: cytoscape.NodeCollection) => {
      nodes.filter((n) => hidden.has(n.data('type'))).addClass('type-hidden');
    },
    relayout: () => {},
    layoutAdded: () => {},
    prepareFor: () => {},
    clear: () => cy.elements().remove(),
    fit: () => {},
    focus: () => {},
  } as unknown as GraphView;
}

let workbench: Workbench;
let cy: cytoscape.Core;
const ids = () => cy.nodes().map((n) => n.id()).sort();

beforeEach(() => {
  vi.stubGlobal('fetch', async (_url: string, init: { body: string }) => {
    const { query, variables } = JSON.parse(init.body);
    return new Response(JSON.stringify({ data: answer(query, variables) }), { status: 200 });
  });
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
  cy = cytoscape({ headless: true });
  workbench = new Workbench();
  workbench.attach(fakeView(cy));
});

afterEach(() => vi.unstubAllGlobals());

describe('Workbench', () => {
  it('caps an expansion and puts a "+N more" handle on the hub that fetches the next ones', async () => {
    await workbench.expand(HUB);
    expect(cy.nodes('[type != "More"]').length).toBe(EXPAND_CAP + 1);
    const handle = cy.getElementById(`more:${HUB}`);
    expect(handle.data('label')).toBe(`+${40 - EXPAND_CAP}`);
    expect(workbench.getState().notice?.key).toBe('canvas.capped');
    await workbench.more(handle.id());
    expect(cy.nodes('[type != "More"]').length).toBe(41);
    expect(cy.getElementById(`more:${HUB}`).empty()).toBe(true);
  });

  it('undoes and redoes every canvas action, in order', async () => {
    await workbench.expand(HUB);
    const expanded = ids();
    workbench.hide([NEIGHBOURS[0]!]);
    workbench.pin([NEIGHBOURS[1]!]);
    workbench.remove([NEIGHBOURS[2]!]);
    expect(cy.getElementById(NEIGHBOURS[2]!).empty()).toBe(true);

    workbench.undo();
    expect(ids()).toEqual(expanded);
    expect(cy.getElementById(NEIGHBOURS[1]!).locked()).toBe(true);
    workbench.undo();
    expect(cy.getElementById(NEIGHBOURS[1]!).hasClass('pinned')).toBe(false);
    expect(cy.getElementById(NEIGHBOURS[1]!).locked()).toBe(false);
    workbench.undo();
    expect(cy.getElementById(NEIGHBOURS[0]!).hasClass('user-hidden')).toBe(false);
    workbench.undo();
    expect(ids()).toEqual([]);
    expect(workbench.getState().canUndo).toBe(false);

    workbench.redo();
    workbench.redo();
    expect(ids()).toEqual(expanded);
    expect(workbench.getState().hidden.map((n) => n.id)).toEqual([NEIGHBOURS[0]]);
  });

  it('hides a node (kept, listed) but removes it only when asked', async () => {
    await workbench.expand(HUB);
    workbench.hide([NEIGHBOURS[3]!]);
    expect(cy.getElementById(NEIGHBOURS[3]!).nonempty()).toBe(true);
    expect(workbench.currentView().hidden).toEqual([NEIGHBOURS[3]]);
    expect(workbench.currentView().nodes).toContain(NEIGHBOURS[3]);
    workbench.remove([NEIGHBOURS[3]!]);
    expect(workbench.currentView().nodes).not.toContain(NEIGHBOURS[3]);
  });

  it('filters links to the time window, and the nodes left without one', async () => {
    await workbench.expand(HUB);
    workbench.setWindow('2021-02-01', '2021-02-28');
    const shown = cy.edges().not('.out-of-window').filter((e) => e.data('type') === 'CO_MENTIONED');
    expect(shown.nonempty()).toBe(true);
    expect(shown.every((e) => e.data('firstDate').startsWith('2021-02'))).toBe(true);
    expect(cy.getElementById(NEIGHBOURS[0]!).hasClass('out-of-window')).toBe(true); // January only
    expect(cy.getElementById(NEIGHBOURS[1]!).hasClass('out-of-window')).toBe(false); // February
    workbench.undo();
    expect(cy.elements('.out-of-window').empty()).toBe(true);
  });

  it('in the article view, hides articles dated outside the window, their links, and entities left without one', () => {
    cy.add([
      { data: { id: 'Article:jan', type: 'Article', label: 'jan', date: '2021-01-05' } },
      { data: { id: 'Article:jun', type: 'Article', label: 'jun', date: '2021-06-05' } },
      { data: { id: 'Person:a', type: 'Person', label: 'a' } },
      { data: { id: 'Person:b', type: 'Person', label: 'b' } },
      { data: { id: 'm1', source: 'Article:jan', target: 'Person:a', type: 'MENTIONS' } },
      { data: { id: 'm2', source: 'Article:jun', target: 'Person:b', type: 'MENTIONS' } },
    ]);
    workbench.setWindow('2021-06-01', '2021-06-30');
    expect(cy.elements('.out-of-window').map((e) => e.id()).sort()).toEqual(['Article:jan', 'Person:a', 'm1']);
  });

  it('tells the URL each committed step and restores a view from it exactly', async () => {
    const urls: string[] = [];
    workbench.onCommit = (view, fromRestore) => {
      if (!fromRestore) urls.push(viewToSearch(view));
    };
    await workbench.expand(HUB);
    workbench.pin([HUB]);
    workbench.hide([NEIGHBOURS[5]!]);
    workbench.setWindow('2021-03-01', null);
    expect(urls).toHaveLength(4);
    const saved = viewFromSearch(urls.at(-1)!)!;
    const before = ids().filter((id) => !id.startsWith('more:'));
    const position = { ...cy.getElementById(HUB).position() };

    // A fresh session: the same canvas from the link alone.
    cy = cytoscape({ headless: true });
    workbench = new Workbench();
    workbench.attach(fakeView(cy));
    await workbench.restore(saved);
    expect(ids()).toEqual(before);
    expect(cy.getElementById(HUB).locked()).toBe(true);
    expect(cy.getElementById(HUB).position().x).toBeCloseTo(position.x, 0);
    expect(cy.getElementById(NEIGHBOURS[5]!).hasClass('user-hidden')).toBe(true);
    expect(workbench.getState().from).toBe('2021-03-01');
    expect(workbench.currentView()).toEqual(saved);
  });

  it('clears a notice at the next action', async () => {
    await workbench.expand(HUB);
    expect(workbench.getState().notice).toBeDefined();
    workbench.pin([HUB]);
    expect(workbench.getState().notice).toBeUndefined();
  });
});

describe('Workbench, a big new drawing', () => {
  const BIG = 'Person:big';
  const AROUND = Array.from({ length: 1200 }, (_, i) => `Person:b${i}`);

  it('records the undo step and the URL only once the edges drawn after the nodes are in', async () => {
    vi.stubGlobal('fetch', async () => {
      const nodes = [BIG, ...AROUND].map((id) => node(id));
      const edges = AROUND.map((n) => edge(BIG, n, '2021-01-15', '2021-01-15'));
      return new Response(JSON.stringify({ data: { connections: { nodes, edges, truncated: false, totalNodes: nodes.length } } }), { status: 200 });
    });
    let release: () => void = () => {};
    const view = fakeView(cy) as GraphView & { addEdgesAfterPaint: GraphView['addEdgesAfterPaint'] };
    // As GraphView does: the edges go on the canvas when the first paint is done (here: when released).
    view.addEdgesAfterPaint = (edges) =>
      new Promise((resolve) => {
        release = () => resolve(mergeSubgraph(cy, { nodes: [], edges, truncated: false }).edges());
      });
    workbench = new Workbench();
    workbench.attach(view);
    const urls: string[] = [];
    workbench.onCommit = (state) => urls.push(viewToSearch(state));

    await workbench.expand(BIG);
    expect(cy.nodes('[type != "More"]').length).toBe(1201);
    expect(cy.edges('[type = "CO_MENTIONED"]').length).toBe(0);
    expect(urls).toHaveLength(0);

    release();
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(cy.edges('[type = "CO_MENTIONED"]').length).toBe(1200);
    workbench.undo();
    expect(cy.nodes().length).toBe(0);
    workbench.redo();
    expect(cy.edges('[type = "CO_MENTIONED"]').length).toBe(1200);
  });
});
