/**
 * End-to-end: the explorer as a workbench, in Chromium against a real server (./server.ts), in the
 * order an analyst works: search in Chinese and in pinyin → add → expand by type from the context
 * menu → open an article → click a highlighted mention → find a path → narrow the time slicer →
 * undo twice → export PNG → copy the URL, reload, same view → switch language → phone width.
 * Screenshots go to tests/output/workbench-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../server/src/bench/browser.ts';
import { postGraphql } from '../../server/src/bench/api-queries.ts';
import type { Core } from 'cytoscape';
import { startE2EServer, type E2EServer } from './server.ts';

const OUTPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../output');
const WANG = 'Person:王新亭';

type TestWindow = Window & { __cy?: Core };

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: path.join(OUTPUT, `workbench-${name}.png`) });

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  server = await startE2EServer();
  browser = await launchChromium();
  // A Chinese browser: the interface should start in Chinese.
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
}, 240_000);

afterAll(async () => {
  if (page && !page.isClosed()) await page.screenshot({ path: path.join(OUTPUT, 'workbench-last.png') }).catch(() => undefined);
  await browser?.close();
  await server?.close();
});

async function settled(): Promise<void> {
  await page.getByTestId('loading').waitFor({ state: 'detached', timeout: 20_000 });
  await page.waitForSelector('[data-testid="graph-canvas"][data-layout="idle"]', { timeout: 20_000 });
  await page.waitForFunction(() => {
    const cy = (window as TestWindow).__cy;
    return cy !== undefined && !cy.animated() && cy.nodes(':animated').empty();
  });
}

const canvasIds = () => page.evaluate(() => (window as TestWindow).__cy!.nodes().map((n) => n.id()).sort());
const has = (id: string) => page.evaluate((nodeId) => (window as TestWindow).__cy!.getElementById(nodeId).nonempty(), id);

/** Page coordinates of a node's centre. */
async function nodePoint(id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const cy = (window as TestWindow).__cy!;
    const p = cy.getElementById(nodeId).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

/**
 * An organization next to `id` on the canvas with a person the canvas does not show yet (asked of the
 * API, so the walk does not depend on which organization the extractor happens to list first).
 */
async function organizationWithNewPeople(id: string): Promise<string | undefined> {
  const organizations = await page.evaluate(
    (nodeId) => (window as TestWindow).__cy!.getElementById(nodeId).neighborhood('node[type = "Organization"]').map((n) => n.id()),
    id,
  );
  const shown = new Set(await canvasIds());
  for (const organization of organizations) {
    const data = (await postGraphql(`${server.baseUrl}/graphql`, {
      query: 'query ($ids: [ID!]!) { connections(ids: $ids, types: [Person]) { nodes { id } } }',
      variables: { ids: [organization] },
    })) as { connections: { nodes: Array<{ id: string }> } };
    if (data.connections.nodes.some((n) => n.id.startsWith('Person:') && !shown.has(n.id))) return organization;
  }
  return undefined;
}

async function suggestion(text: string, id: string) {
  await page.getByTestId('search-input').fill(text);
  const option = page.locator(`[data-testid="search-results"] button.result[data-id="${id}"]:not([disabled])`);
  await option.waitFor({ timeout: 15_000 });
  return option;
}

describe('workbench', () => {
  it('walks an analyst through search, expansion, reading, paths, time, undo, export, links, languages and a phone', async () => {
    await page.goto(server.baseUrl);
    await page.getByTestId('stats').waitFor({ timeout: 15_000 });
    // Default language from the browser (zh-CN).
    expect(await page.getByTestId('view-connections').textContent()).toBe('关系');

    // Search in Chinese: suggestions grouped by type with counts.
    await suggestion('王新亭', WANG);
    expect(await page.locator('.suggestion-group').first().textContent()).toMatch(/人物（\d+）/);
    await shot('1-suggestions');

    // Search in pinyin; the person comes first, Enter adds it.
    await suggestion('wangxinting', WANG);
    expect(await page.locator('[data-testid="search-results"] button.result').first().getAttribute('data-id')).toBe(WANG);
    await page.getByTestId('search-input').press('Enter');
    await page.waitForFunction((id) => (window as TestWindow).__cy?.getElementById(id).nonempty(), WANG, { timeout: 15_000 });
    await settled();
    await expect.poll(() => page.getByTestId('panel-entity').locator('h2').textContent()).toContain('王新亭');
    await expect.poll(() => page.getByTestId('top-connections').locator('li').count()).toBeGreaterThan(0);

    // Expand by type from the context menu of a neighbour: only people come back.
    const neighbour = await organizationWithNewPeople(WANG);
    if (!neighbour) throw new Error('no organization next to 王新亭 has people the canvas does not show');
    const before = new Set(await canvasIds());
    const at = await nodePoint(neighbour);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    await shot('2-context-menu');
    const request = page.waitForRequest((req) => (req.postData() ?? '').includes('"types":["Person"]'));
    await page.locator('[data-testid="context-menu"] [data-action="expand-Person"]').click();
    await request;
    await settled();
    const added = (await canvasIds()).filter((id) => !before.has(id));
    expect(added.every((id) => id.startsWith('Person:') || id.startsWith('more:'))).toBe(true);

    // Hide one of the new people from the context menu: gone from the canvas, listed greyed, still in the view.
    const hideMe = added.find((id) => id.startsWith('Person:'))!;
    const hp = await nodePoint(hideMe);
    await page.mouse.click(hp.x, hp.y, { button: 'right' });
    await page.locator('[data-testid="context-menu"] [data-action="hide"]').click();
    await expect.poll(() => page.getByTestId('hidden-list').locator('li').count()).toBe(1);
    expect(await page.evaluate((id) => (window as TestWindow).__cy!.getElementById(id).visible(), hideMe)).toBe(false);
    await page.getByTestId('hidden-list').locator('button').first().click();
    await page.getByTestId('hidden-list').waitFor({ state: 'detached' });

    // Open an article from the entity's timeline; its mentions are highlighted.
    await page.getByTestId('panel-entity').locator('.timeline button.link').first().click();
    const article = page.getByTestId('panel-article');
    await article.waitFor({ timeout: 10_000 });
    await expect.poll(() => article.locator('mark.mention').count()).toBeGreaterThan(0);

    // Click a highlighted mention that is not on the canvas yet: it is added.
    const marks = await article.locator('mark.mention').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    const present = new Set(await canvasIds());
    // One that a path through entities reaches from 王新亭 (the path step below): a mention that
    // shares no sentence with anyone has no links.
    let fresh: string | undefined;
    for (const id of marks.filter((m) => !present.has(m))) {
      const reachable = await page.evaluate(async ([from, to]) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, first: 1) { length } }', variables: { a: from, b: to } }),
        });
        const body = (await response.json()) as { data?: { paths: unknown[] } };
        return (body.data?.paths.length ?? 0) > 0;
      }, [WANG, id] as const);
      if (reachable) {
        fresh = id;
        break;
      }
    }
    expect(fresh, 'a mention not yet on the canvas, linked to 王新亭').toBeTruthy();
    await article.locator(`mark.mention[data-id="${fresh}"]`).first().click();
    await page.waitForFunction((id) => (window as TestWindow).__cy?.getElementById(id).nonempty(), fresh!, { timeout: 15_000 });
    await settled();
    await shot('3-article');

    // A path from 王新亭 to the mention just added, picked from the context menu.
    for (const [id, action] of [[WANG, 'path-from'], [fresh!, 'path-to']] as const) {
      const p = await nodePoint(id);
      await page.mouse.click(p.x, p.y, { button: 'right' });
      await page.locator(`[data-testid="context-menu"] [data-action="${action}"]`).click();
    }
    await page.getByTestId('path-find').click();
    await page.getByTestId('path-results').waitFor({ timeout: 15_000 });
    await settled();
    expect(await page.evaluate(() => (window as TestWindow).__cy!.edges('.path').length)).toBeGreaterThan(0);
    await shot('4-path');

    // Narrow the time slicer to its last month: links not seen then leave the canvas.
    const from = page.getByTestId('time-from');
    await from.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('time-window').textContent()).not.toContain('全部日期');
    await expect.poll(() => page.evaluate(() => (window as TestWindow).__cy!.elements('.out-of-window').length)).toBeGreaterThan(0);
    // The drag becomes one undo step once it stops.
    await expect.poll(() => page.evaluate(() => window.location.search), { timeout: 5000 }).toContain('v=');
    await page.waitForTimeout(600);
    await shot('5-time');

    // Undo twice: the time window, then the path.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window as TestWindow).__cy!.elements('.out-of-window').length)).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window as TestWindow).__cy!.edges('.path').length)).toBe(0);
    expect(await has(fresh!)).toBe(true);
    await settled();

    // Back walks the exploration back: the step before the undo had the narrowed time window; Forward returns.
    const outside = () => page.evaluate(() => (window as TestWindow).__cy?.elements('.out-of-window').length ?? 0);
    await page.goBack();
    await expect.poll(outside, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.goForward();
    await expect.poll(outside, { timeout: 20_000 }).toBe(0);

    // Export PNG.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    const png = await download;
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    await png.saveAs(path.join(OUTPUT, 'workbench-export.png'));

    // Copy the URL, open it in a fresh page: the same nodes.
    const ids = (await canvasIds()).filter((id) => !id.startsWith('more:'));
    await page.getByTestId('copy-link').click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain('?v=');
    // A fresh load of the link (what a colleague opening it gets).
    await page.goto(url);
    await page.waitForFunction((n) => ((window as TestWindow).__cy?.nodes().length ?? 0) >= n, ids.length, { timeout: 20_000 });
    await settled();
    expect(await canvasIds()).toEqual(ids);
    await shot('6-restored');


    // Switch language.
    await page.getByTestId('language').selectOption('en');
    expect(await page.getByTestId('view-connections').textContent()).toBe('Connections');
    await expect.poll(() => canvasIds().then((now) => now.filter((id) => !id.startsWith('more:')))).toEqual(ids);
    await settled();
    await shot('7-english');

    // Phone width: search and details above a canvas that has room.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    const box = await page.getByTestId('graph-canvas').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(300);
    const search = await page.getByTestId('search-input').boundingBox();
    expect(search!.y).toBeLessThan(box!.y);
    await page.evaluate(() => {
      (window as TestWindow).__cy!.resize().fit(undefined, 20);
    });
    await shot('8-phone');
    await page.screenshot({ path: path.join(OUTPUT, 'workbench-8-phone-full.png'), fullPage: true });

    expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
  }, 240_000);
});
