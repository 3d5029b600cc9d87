/**
 * End-to-end: the explorer in Chromium against a real server (see ./server.ts for which).
 * Search 王新亭 → add: the connections view (entities only, co-mentions) → click a co-mention and
 * read its sentences (tests/output/explorer-connections.png) → the articles view → double-click to
 * expand → click an article and an edge and read the panel → tests/output/explorer.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../server/src/bench/browser.ts';
import type { Core } from 'cytoscape';
import { startE2EServer, type E2EServer } from './server.ts';

const OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../output');
const NAME = '王新亭';

/** The app exposes its Cytoscape instance for tests only as window.__cy. */
type TestWindow = Window & { __cy?: Core };

let server: E2EServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startE2EServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  // The server sends a Content-Security-Policy; anything the explorer does that it blocks is a bug.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
}, 240_000);

afterAll(async () => {
  // On failure the last screen is the best clue; keep it next to the regular screenshot.
  if (page && !page.isClosed()) {
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'explorer-last.png') }).catch(() => undefined);
  }
  await browser?.close();
  await server?.close();
});

/** Waits until the fcose layout has stopped, so rendered positions are final. */
async function layoutSettled(): Promise<void> {
  await page.waitForSelector('[data-testid="graph-canvas"][data-layout="idle"]', { timeout: 20_000 });
  await page.waitForFunction(() => {
    const cy = (window as TestWindow).__cy;
    return cy !== undefined && !cy.animated() && cy.nodes(':animated').empty();
  });
}

/** Page coordinates of a node's centre. */
async function nodePoint(id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = (window as TestWindow).__cy!;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/** Page coordinates of the midpoints of the visible edges matching `selector` that no node covers, longest first. */
async function clickableEdges(selector: string): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate((sel) => {
    const cy = (window as TestWindow).__cy!;
    const box = cy.container()!.getBoundingClientRect();
    const nodeBoxes = cy.nodes(':visible').map((n) => n.renderedBoundingBox({ includeLabels: true }));
    const found: Array<{ x: number; y: number; length: number }> = [];
    cy.edges(sel).forEach((edge) => {
      const mid = edge.renderedMidpoint();
      const s = edge.source().renderedPosition();
      const t = edge.target().renderedPosition();
      const length = Math.hypot(s.x - t.x, s.y - t.y);
      const inside = mid.x > 20 && mid.y > 60 && mid.x < box.width - 20 && mid.y < box.height - 20;
      const clear = nodeBoxes.every((b) => mid.x < b.x1 - 4 || mid.x > b.x2 + 4 || mid.y < b.y1 - 4 || mid.y > b.y2 + 4);
      const onCanvas = cy.container()!.contains(document.elementFromPoint(box.left + mid.x, box.top + mid.y));
      if (inside && clear && onCanvas) found.push({ x: box.left + mid.x, y: box.top + mid.y, length });
    });
    return found.sort((a, b) => b.length - a.length).slice(0, 8);
  }, selector);
}

/**
 * Page coordinates of the centres of the visible nodes matching `selector` that lie well inside the
 * canvas and that no other node covers: after an expansion a node may sit under a neighbour or at
 * the canvas's edge, where the click lands elsewhere.
 */
async function clickableNodes(selector: string): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate((sel) => {
    const cy = (window as TestWindow).__cy!;
    const box = cy.container()!.getBoundingClientRect();
    const found: Array<{ x: number; y: number }> = [];
    cy.nodes(sel).forEach((node) => {
      const p = node.renderedPosition();
      const inside = p.x > 20 && p.y > 60 && p.x < box.width - 20 && p.y < box.height - 20;
      const clear = cy.nodes(':visible').not(node).every((other) => {
        const b = other.renderedBoundingBox({ includeLabels: false });
        return p.x < b.x1 - 2 || p.x > b.x2 + 2 || p.y < b.y1 - 2 || p.y > b.y2 + 2;
      });
      // An overlay (the notice, the time slicer) may cover part of the canvas.
      const onCanvas = cy.container()!.contains(document.elementFromPoint(box.left + p.x, box.top + p.y));
      if (inside && clear && onCanvas) found.push({ x: box.left + p.x, y: box.top + p.y });
    });
    return found.slice(0, 8);
  }, selector);
}

/**
 * Clicks the points in turn until the element with test id `shows` appears, pressing Escape after
 * each miss. False if none of them opened it.
 */
async function clickUntilShown(points: Array<{ x: number; y: number }>, shows: string): Promise<boolean> {
  for (const point of points) {
    await page.mouse.click(point.x, point.y);
    const opened = await page.getByTestId(shows).waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (opened) return true;
    await page.keyboard.press('Escape');
  }
  return false;
}

/** Clicks the nodes matching `selector` that a click can reach, until `shows` appears. */
const clickNode = async (selector: string, shows: string) => clickUntilShown(await clickableNodes(selector), shows);

/** The same for edges, at their midpoints: another edge may cross one, and the topmost edge takes the click. */
const clickEdge = async (selector: string, shows: string) => clickUntilShown(await clickableEdges(selector), shows);

describe('explorer', () => {
  it('searches, expands, and explains what is on the canvas', async () => {
    await page.goto(server.baseUrl);
    await page.getByTestId('stats').waitFor({ timeout: 15_000 });

    await page.getByTestId('search-input').fill(NAME);
    const hit = page.locator('button.result:not([disabled])', { hasText: NAME }).filter({ has: page.locator('.type-chip[data-type="Person"]') }).first();
    await hit.waitFor({ timeout: 15_000 });
    const personId = await hit.getAttribute('data-id');
    expect(personId).toBeTruthy();
    await hit.click();

    await page.waitForFunction((id) => (window as TestWindow).__cy?.getElementById(id).nonempty(), personId!, { timeout: 15_000 });
    await layoutSettled();
    await expect.poll(() => page.getByTestId('panel-entity').locator('h2').textContent()).toContain(NAME);

    // The connections view (the default): who is connected to whom, no article in between.
    const canvas = await page.evaluate(() => {
      const cy = (window as TestWindow).__cy!;
      return { articles: cy.nodes('[type = "Article"]').length, coMentions: cy.edges('[type = "CO_MENTIONED"]').length, nodes: cy.nodes().length };
    });
    expect(canvas.articles).toBe(0);
    expect(canvas.coMentions).toBeGreaterThan(0);
    expect(canvas.nodes).toBeGreaterThan(3);
    expect(await clickEdge('edge[type = "CO_MENTIONED"]:visible', 'edge-strength'), 'a co-mention on the canvas that a click explains').toBe(true);
    await expect.poll(() => page.getByTestId('panel-edge').locator('.evidence li').count()).toBeGreaterThan(0);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'explorer-connections.png') });

    // The articles view keeps the entities and shows the articles around them.
    await page.keyboard.press('Escape');
    await page.getByTestId('view-articles').click();
    await page.waitForFunction(() => (window as TestWindow).__cy?.nodes('[type = "Article"]').nonempty(), undefined, { timeout: 15_000 });
    await layoutSettled();

    // Double-click expands: it must ask the server for the node's neighbourhood.
    const expansion = page.waitForRequest((req) => req.url().includes('/graphql') && (req.postData() ?? '').includes('Neighborhood'));
    const at = await nodePoint(personId!);
    await page.mouse.dblclick(at.x, at.y);
    await expansion;
    await page.getByTestId('loading').waitFor({ state: 'detached', timeout: 15_000 });
    await layoutSettled();

    // Clicking an article node opens it, with its entity mentions highlighted.
    expect(await clickNode('node[type = "Article"]:visible', 'panel-article'), 'an article on the canvas that a click opens').toBe(true);
    const articlePanel = page.getByTestId('panel-article');
    await expect.poll(() => articlePanel.locator('mark.mention').count()).toBeGreaterThan(0);

    // Clicking an edge explains it: the longest visible edges, clicked at their midpoints.
    await page.keyboard.press('Escape');
    expect(await clickEdge('edge:visible', 'panel-edge'), 'an edge on the canvas that a click explains').toBe(true);
    const edgePanel = page.getByTestId('panel-edge');
    await expect.poll(() => edgePanel.locator('.evidence li').count()).toBeGreaterThan(0);

    await page.screenshot({ path: path.join(OUTPUT, 'explorer.png') });

    // The evidence's article link opens that article in the panel.
    await edgePanel.locator('.evidence button.link').first().click();
    await page.getByTestId('panel-article').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(OUTPUT, 'explorer-article.png') });
    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  }, 120_000);
});
