/**
 * End-to-end at scale: the built explorer in Chromium loads a generated 2,000-node, 6,000-edge
 * graph through its own search-and-pick path (answered by server/src/bench/ui-server.ts, no
 * database), lays it out without a page error, stays responsive (a click selects the node under
 * the pointer), labels only some nodes zoomed out and more zoomed in, and an expansion leaves
 * every placed node where it was. No timings are asserted: bench:ui measures those.
 * Screenshots: tests/output/large-graph.png and large-graph-zoomed.png.
 *
 * Functions given to page.evaluate must not return a Cytoscape collection or core (`unselect()`,
 * `fit()` return them): Playwright serializes what is returned, and a 2,000-node graph's object
 * web takes it tens of seconds and gigabytes — the "renderer crash on a refit" this test once hit.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadGraph, type PageWindow } from '../../server/src/bench/ui-page.ts';
import { openGeneratedGraph, type GeneratedGraphPage } from './generated-graph.ts';

const OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../output');
const N = 2000;

let opened: GeneratedGraphPage | undefined;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  opened = await openGeneratedGraph(N);
  ({ page, pageErrors } = opened);
}, 240_000);

afterAll(async () => {
  if (page && !page.isClosed()) {
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'large-graph-last.png') }).catch(() => undefined);
  }
  await opened?.close();
});

/** Positions of every node, by id. */
function positions(): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    (window as PageWindow).__cy!.nodes().forEach((n) => {
      out[n.id()] = { ...n.position() };
    });
    return out;
  });
}

/**
 * A node whose centre no other node covers on screen, so a click there is unambiguous; zoomed
 * in around the middle first.
 */
function lonelyNode(): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate(() => {
    const cy = (window as PageWindow).__cy!;
    cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    const box = cy.container()!.getBoundingClientRect();
    const nodes = cy.nodes().toArray();
    const pts = nodes.map((n) => ({ id: n.id(), p: n.renderedPosition(), r: n.renderedOuterWidth() / 2 }));
    const inside = pts.filter(({ p }) => p.x > 60 && p.y > 60 && p.x < box.width - 60 && p.y < box.height - 60);
    const lonely = inside.find((a) => a.r > 3 && pts.every((b) => b === a || Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y) > b.r + 2));
    if (!lonely) throw new Error('no node stands alone on screen');
    return { id: lonely.id, x: box.left + lonely.p.x, y: box.top + lonely.p.y };
  });
}

describe('a 2,000-node graph', () => {
  it('loads through search and pick, and every node gets a finite position', async () => {
    const load = await loadGraph(page, N, 200_000);
    const pos = await positions();
    expect(Object.keys(pos)).toHaveLength(N);
    expect(Object.values(pos).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    // Not all on one spot: a layout happened.
    expect(new Set(Object.values(pos).map((p) => `${Math.round(p.x / 10)},${Math.round(p.y / 10)}`)).size).toBeGreaterThan(N * 0.9);
    expect(load.lite).toBe(true);
    // Zoomed out to fit, some labels show, far from all.
    expect(load.labels).toBeGreaterThan(5);
    expect(load.labels).toBeLessThan(N / 2);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'large-graph.png') });
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('selects the node under a click', async () => {
    await page.evaluate(() => {
      (window as PageWindow).__cy!.$(':selected').unselect();
    });
    const target = await lonelyNode();
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => (window as PageWindow).__cy!.$(':selected').nonempty(), undefined, { timeout: 30_000 });
    const selected = await page.evaluate(() => (window as PageWindow).__cy!.$(':selected').map((e) => e.id()));
    expect(selected).toEqual([target.id]);
  }, 120_000);

  it('labels more nodes when zoomed in', async () => {
    const count = () => page.evaluate(() => (window as PageWindow).__cy!.nodes('.label-shown').length);
    const before = await count();
    await page.evaluate(() => {
      const cy = (window as PageWindow).__cy!;
      cy.zoom({ level: 2.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await page.waitForFunction((n) => (window as PageWindow).__cy!.nodes('.label-shown').length > n, before, { timeout: 30_000 });
    await page.screenshot({ path: path.join(OUTPUT, 'large-graph-zoomed.png') });
  }, 120_000);

  it('expands a node without moving any node already placed', async () => {
    await page.evaluate(() => {
      (window as PageWindow).__cy!.$(':selected').unselect();
    });
    const before = await positions();
    const target = await lonelyNode();
    await page.mouse.dblclick(target.x, target.y);
    await page.waitForFunction(
      (n) => {
        const cy = (window as PageWindow).__cy!;
        return cy.nodes().length >= n && cy.container()!.getAttribute('data-layout') === 'idle';
      },
      N + 150,
      { timeout: 120_000 },
    );
    const after = await positions();
    expect(Object.keys(after)).toHaveLength(N + 150);
    for (const [id, p] of Object.entries(before)) expect(after[id]).toEqual(p);
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added.every((id) => Number.isFinite(after[id]!.x) && Number.isFinite(after[id]!.y))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
