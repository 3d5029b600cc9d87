/**
 * End-to-end at 5,000 nodes: a click on a node's drawn centre selects that node. Zoomed out to
 * fit, the hubs have smaller neighbours lying over their rims, and Cytoscape's own hit test
 * (the last node drawn whose body, widened by 2 screen pixels, holds the pointer) selected one
 * of those instead (client/src/graph/hit-test.ts). An edge clicked on its line (the big canvas's
 * straight lines, tested there too) is selected and opens its panel. The graph is bench:ui's generated one,
 * served without a database. No timings are asserted: bench:ui measures the click.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadGraph, type PageWindow } from '../../server/src/bench/ui-page.ts';
import { openGeneratedGraph, type GeneratedGraphPage } from './generated-graph.ts';

const OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../output');
const N = 5000;

let opened: GeneratedGraphPage | undefined;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  opened = await openGeneratedGraph(N);
  ({ page, pageErrors } = opened);
}, 240_000);

afterAll(async () => {
  await opened?.close();
});

/**
 * The `count` most mentioned nodes drawn inside the canvas (away from its border), with their
 * centres in page coordinates: the hubs, which the old hit test got wrong.
 */
function bigNodesOnScreen(count: number): Promise<{ id: string; x: number; y: number }[]> {
  return page.evaluate((count) => {
    const cy = (window as PageWindow).__cy!;
    const box = cy.container()!.getBoundingClientRect();
    return cy
      .nodes()
      .toArray()
      .map((n) => ({ id: n.id(), weight: Number(n.data('weight') ?? 0), p: n.renderedPosition() }))
      .filter(({ p }) => p.x > 40 && p.y > 40 && p.x < box.width - 40 && p.y < box.height - 40)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, count)
      .map(({ id, p }) => ({ id, x: box.left + p.x, y: box.top + p.y }));
  }, count);
}

describe('a 5,000-node graph, zoomed out to fit', () => {
  it('selects exactly the node whose centre is clicked', async () => {
    await loadGraph(page, N, 200_000);
    await page.evaluate(() => {
      (window as PageWindow).__cy!.fit(undefined, 40);
    });
    const targets = await bigNodesOnScreen(12);
    expect(targets).toHaveLength(12);
    const selected: string[][] = [];
    for (const target of targets) {
      await page.evaluate(() => {
        (window as PageWindow).__cy!.$(':selected').unselect();
      });
      await page.mouse.click(target.x, target.y);
      await page.waitForFunction(() => (window as PageWindow).__cy!.$(':selected').nonempty(), undefined, { timeout: 30_000 });
      selected.push(await page.evaluate(() => (window as PageWindow).__cy!.$(':selected').map((e) => e.id())));
    }
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'large-graph-click.png') });
    expect(selected).toEqual(targets.map((t) => [t.id]));
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('selects an edge clicked away from any node, and opens its panel', async () => {
    // Zoomed in as far as it goes: a point on an edge that no node covers and no other edge
    // passes within 2 pixels of (the hubs' long edges cross everywhere: none is further apart).
    const target = await page.evaluate(() => {
      const cy = (window as PageWindow).__cy!;
      cy.$(':selected').unselect();
      cy.zoom({ level: 4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      const box = cy.container()!.getBoundingClientRect();
      const nodeBoxes = cy.nodes(':visible').map((n) => n.renderedBoundingBox({ includeLabels: false }));
      const lines = cy.edges(':visible').map((edge) => ({ id: edge.id(), s: edge.source().renderedPosition(), t: edge.target().renderedPosition() }));
      const distance = (p: { x: number; y: number }, l: (typeof lines)[number]) => {
        const dx = l.t.x - l.s.x;
        const dy = l.t.y - l.s.y;
        const k = Math.max(0, Math.min(1, ((p.x - l.s.x) * dx + (p.y - l.s.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(p.x - l.s.x - k * dx, p.y - l.s.y - k * dy);
      };
      const clear = (p: { x: number; y: number }, id: string) =>
        p.x > 40 && p.y > 60 && p.x < box.width - 40 && p.y < box.height - 40 &&
        nodeBoxes.every((b) => p.x < b.x1 - 4 || p.x > b.x2 + 4 || p.y < b.y1 - 4 || p.y > b.y2 + 4) &&
        lines.every((l) => l.id === id || distance(p, l) > 2);
      let best: { id: string; mid: { x: number; y: number } } | undefined;
      for (const l of lines) {
        for (let k = 0.2; k <= 0.8 && !best; k += 0.05) {
          const p = { x: l.s.x + k * (l.t.x - l.s.x), y: l.s.y + k * (l.t.y - l.s.y) };
          if (clear(p, l.id)) best = { id: l.id, mid: p };
        }
        if (best) break;
      }
      if (!best) throw new Error(`no edge stands clear on screen: ${lines.length} edges, zoom ${cy.zoom()}`);
      return { id: best.id, x: box.left + best.mid.x, y: box.top + best.mid.y };
    });
    await page.waitForTimeout(300);
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => (window as PageWindow).__cy!.$(':selected').nonempty(), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as PageWindow).__cy!.$(':selected').map((e) => e.id()))).toEqual([target.id]);
    await page.getByTestId('edge-title').waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
