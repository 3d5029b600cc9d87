/**
 * Driving the explorer in a Playwright page, shared by bench:ui and the large-graph browser
 * test: load a graph the way a user does (search, pick the hit), and pan and zoom with the mouse.
 */
import type { Page } from 'playwright-core';
import type { Core } from 'cytoscape';

export interface LongTask {
  start: number;
  duration: number;
}

/** The page as these helpers see it: the app's test handle and what the init script records. */
export type PageWindow = Window & { __cy?: Core; __longTasks?: LongTask[]; __clickAt?: number };

/** Records every long task (> 50 ms on the main thread) from the first script on. */
export const UI_INIT_SCRIPT = `
  // tsx compiles with esbuild's keepNames: functions passed to page.evaluate call __name().
  window.__name = window.__name || ((f) => f);
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface LoadResult {
  /**
   * From the click on the search hit to the frame after the layout settled: the first paint of
   * the laid-out drawing (of a big one, its nodes and labels: the edges follow, `complete`).
   */
  ms: number;
  /** Until the edges too are on the canvas and drawn (the same as `ms` when they came with the nodes). */
  complete: number;
  /** Longest main-thread task in that time. */
  task: number;
  labels: number;
  lite: boolean;
  /** Of `ms`: until the layout was asked for, the layout itself (the worker), and after it. */
  split: { before: number; layout: number; after: number };
}

/** Searches, picks the hit and waits for `nodes` nodes, laid out and painted. */
export async function loadGraph(page: Page, nodes: number, timeout = 120_000): Promise<LoadResult> {
  await page.getByTestId('search-input').fill('bench');
  await page.getByTestId('search-input').press('Enter');
  const hit = page.locator('[data-testid="search-results"] button').first();
  await hit.waitFor();
  const handle = await hit.elementHandle();
  return page.evaluate(
    async ({ button, nodes, timeout }) => {
      const w = window as PageWindow;
      const start = performance.now();
      (button as HTMLButtonElement).click();
      const cy = w.__cy!;
      const el = cy.container()!;
      // Woken by the attribute's change itself (a microtask in the task that sets it), not by
      // polling: a 10 ms timer, late on a loaded machine, let the frames after the settled layout
      // — and whatever the page does in them — into the figure. Nodes are counted only then: that
      // builds a collection of every node, work the thread being measured would otherwise do.
      const attribute = (name: string, done: () => boolean) =>
        new Promise<void>((resolve, reject) => {
          if (done()) return resolve();
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`${cy.nodes().length} of ${nodes} nodes, layout ${el.getAttribute('data-layout')}, edges ${el.getAttribute('data-edges')}`));
          }, Math.max(0, timeout - (performance.now() - start)));
          const observer = new MutationObserver(() => {
            if (!done()) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          });
          observer.observe(el, { attributes: true, attributeFilter: [name] });
        });
      await attribute('data-layout', () => el.getAttribute('data-layout') === 'idle' && cy.nodes().length >= nodes);
      // The frame that draws it and the next, by which the first has been presented.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const end = performance.now();
      const task = Math.max(0, ...w.__longTasks!.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration));
      // The app's own measure of its layout (client/src/graph/layout.ts), the last one in the load.
      const layout = performance.getEntriesByName('guanxi:layout').filter((m) => m.startTime >= start).pop();
      const split = layout
        ? { before: layout.startTime - start, layout: layout.duration, after: end - layout.startTime - layout.duration }
        : { before: NaN, layout: NaN, after: NaN };
      const labels = cy.nodes('.label-shown').length;
      // A big drawing's edges come after its nodes (GraphView.addEdgesAfterPaint).
      await attribute('data-edges', () => el.getAttribute('data-edges') !== 'pending');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const complete = performance.now() - start;
      return {
        ms: end - start,
        complete,
        task,
        split,
        labels,
        lite: el.getAttribute('data-lite') === 'true',
      };
    },
    { button: handle, nodes, timeout },
  );
}

/**
 * 1.5 s of dragging the canvas in a circle, then 1.5 s of wheel zooming out and in, with real
 * mouse events (so the renderer treats it as a user's pan); frames counted by requestAnimationFrame.
 */
export async function panAndZoom(page: Page): Promise<{ fps: number; task: number }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  // Grab the canvas at its top-left corner, which a fitted drawing leaves empty: pressing on a
  // node would drag the node instead of panning.
  const cx = box.x + 25;
  const cy = box.y + 25;
  await page.evaluate(() => {
    const w = window as PageWindow & { __frames?: number; __counting?: boolean; __from?: number };
    w.__frames = 0;
    w.__counting = true;
    w.__from = performance.now();
    const tick = () => {
      if (!w.__counting) return;
      w.__frames! += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  while (Date.now() - t0 < 1500) {
    const a = ((Date.now() - t0) / 1500) * 2 * Math.PI;
    await page.mouse.move(cx + 150 - 150 * Math.cos(a), cy + 150 * Math.sin(a));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let i = 0;
  while (Date.now() - t0 < 3000) {
    await page.mouse.wheel(0, i++ % 16 < 8 ? 120 : -120);
    await page.waitForTimeout(40);
  }
  return page.evaluate(() => {
    const w = window as PageWindow & { __frames?: number; __counting?: boolean; __from?: number };
    w.__counting = false;
    const end = performance.now();
    const task = Math.max(0, ...w.__longTasks!.filter((t) => t.start >= w.__from! && t.start <= end).map((t) => t.duration));
    return { fps: (w.__frames! * 1000) / (end - w.__from!), task };
  });
}
