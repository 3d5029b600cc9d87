/**
 * `npm run bench:ui`: the explorer with thousands of nodes, in Debian's Chromium (headless, no
 * GPU). For each renderer (canvas, WebGL — software GL here) and size (generated graphs of n
 * nodes and 3n edges, ui-graph.ts), loaded through the app's own path (search, pick the hit,
 * `connections` answered by ui-server.ts): time from the click to the laid-out first paint,
 * frames per second during a scripted 3-second pan and zoom with the mouse, the longest main-
 * thread task (PerformanceObserver 'longtask') while loading and while panning, a click on a
 * node until it is drawn selected, and an expansion by 150 nodes. The baseline, measured in
 * the same run, is the frame rate of the same pan on an empty canvas. Also the initial
 * JavaScript bundle, gzipped. Screenshots go to the temp folder.
 *
 *   npm run bench:ui [-- --sizes 500,2000,5000 --renderers canvas,webgl] [--profile] [--trace]
 *
 * --trace: Chromium traces of the load and the pan (ui-trace.ts), main thread and layout worker side by side.
 * --profile: CPU profiles of the load and of the pan (ui-profile.ts) beside the screenshots, and
 * the functions with the most self time printed (profiling slows the figures of that run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { buildClientIfStale } from '../api/client-build.ts';
import { CLIENT_DIST } from '../api/server.ts';
import { generateGraph } from './ui-graph.ts';
import { startUiServer, type UiServer } from './ui-server.ts';
import { startProfile } from './ui-profile.ts';
import { traced } from './ui-trace.ts';
import { UI_INIT_SCRIPT, loadGraph, panAndZoom, type PageWindow } from './ui-page.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,2000,5000' },
    renderers: { type: 'string', default: 'canvas,webgl' },
    profile: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').map(Number);
const renderers = args.renderers.split(',').map((r) => r.trim());
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || renderers.some((r) => r !== 'canvas' && r !== 'webgl')) {
  console.error('bench:ui: --sizes takes integers ≥ 2, --renderers canvas and/or webgl');
  process.exit(2);
}
const SHOTS = path.join(os.tmpdir(), 'guanxi-bench-ui');

/** The scripts and preloads index.html loads before anything else, gzipped as a server would. */
function initialBundle(): { files: string[]; gzip: number; raw: number } {
  const html = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const body = fs.readFileSync(path.join(CLIENT_DIST, file.replace(/^\//, '')));
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files, gzip, raw };
}

interface Row {
  renderer: string;
  nodes: number;
  edges: number;
  firstPaint: number;
  complete: number;
  split: { before: number; layout: number; after: number };
  loadTask: number;
  fps: number;
  panTask: number;
  click: number;
  clickRight: boolean;
  expand: number;
  expandTask: number;
  labels: number;
  lite: boolean;
}

async function newPage(browser: Browser, server: UiServer, renderer: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error(`page error (${renderer}): ${error.stack ?? error.message}`));
  page.on('crash', () => console.error(`page crashed (${renderer})`));
  page.on('console', (m) => { if (m.type() === 'error') console.error(`console (${renderer}): ${m.text()}`); });
  await page.addInitScript(UI_INIT_SCRIPT);
  await page.goto(`${server.baseUrl}/?renderer=${renderer}`);
  await page.waitForFunction(() => (window as PageWindow).__cy !== undefined);
  return page;
}

/** A node near the middle of the screen, among the most mentioned: page coordinates and id. */
async function clickTarget(page: Page, avoid?: string): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate((avoid) => {
    const cy = (window as PageWindow).__cy!;
    const box = cy.container()!.getBoundingClientRect();
    const ext = cy.extent();
    const inner = cy.nodes().filter((n) => {
      const p = n.position();
      const mx = (ext.x2 - ext.x1) * 0.2;
      const my = (ext.y2 - ext.y1) * 0.2;
      return n.id() !== avoid && p.x > ext.x1 + mx && p.x < ext.x2 - mx && p.y > ext.y1 + my && p.y < ext.y2 - my;
    });
    const node = inner.max((n) => Number(n.data('weight') ?? 0)).ele;
    const p = node.renderedPosition();
    return { id: node.id(), x: box.left + p.x, y: box.top + p.y };
  }, avoid);
}

/** From mouse-down on the node to the frame after it is selected. */
async function timeClick(page: Page): Promise<{ ms: number; right: boolean }> {
  const target = await clickTarget(page);
  await page.evaluate(() => {
    const w = window as PageWindow;
    w.__cy!.$(':selected').unselect();
    w.__clickAt = undefined;
    document.addEventListener('mousedown', () => (w.__clickAt = performance.now()), { capture: true, once: true });
  });
  await page.mouse.click(target.x, target.y);
  return page.evaluate(async (id) => {
    const w = window as PageWindow;
    const cy = w.__cy!;
    while (cy.$(':selected').empty()) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const selected = cy.$(':selected');
    return { ms: performance.now() - w.__clickAt!, right: selected.length === 1 && selected.id() === id };
  }, target.id);
}

/** Double-click a big node (not the hub, whose graph is all there): 150 new nodes, until laid out. */
async function timeExpand(page: Page, total: number, hub: string): Promise<{ ms: number; task: number }> {
  const target = await clickTarget(page, hub);
  const start = await page.evaluate(() => performance.now());
  await page.mouse.dblclick(target.x, target.y);
  return page.evaluate(
    async ({ total, start }) => {
      const w = window as PageWindow;
      const cy = w.__cy!;
      const el = cy.container()!;
      while (el.getAttribute('data-layout') !== 'idle' || cy.nodes().length < total) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const end = performance.now();
      const task = Math.max(0, ...w.__longTasks!.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration));
      return { ms: end - start, task };
    },
    { total, start },
  );
}

async function measure(browser: Browser, server: UiServer, renderer: string, n: number): Promise<Row> {
  const graph = generateGraph(n);
  server.setGraph(graph);
  const page = await newPage(browser, server, renderer);
  fs.mkdirSync(SHOTS, { recursive: true });
  const profiled = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    if (!args.profile) return run();
    const profiler = await startProfile(page);
    const result = await run();
    const file = path.join(SHOTS, `${renderer}-${n}-${phase}.cpuprofile`);
    console.log(`${renderer} ${n} ${phase}: most self time (${file})\n${(await profiler.stop(file)).join('\n')}`);
    return result;
  };
  const load = await profiled('load', async () => {
    if (!args.trace) return loadGraph(page, n);
    const file = path.join(SHOTS, `${renderer}-${n}-load.trace.json`);
    const run = await traced(browser, page, file, () => loadGraph(page, n));
    console.log(`${renderer} ${n} load: tasks over 8 ms, from the click (${file})\n${run.timeline.join('\n')}`);
    return run.result;
  });
  await page.screenshot({ path: path.join(SHOTS, `${renderer}-${n}.png`) });
  const pan = await profiled('pan', async () => {
    if (!args.trace) return panAndZoom(page);
    const file = path.join(SHOTS, `${renderer}-${n}-pan.trace.json`);
    const run = await traced(browser, page, file, () => panAndZoom(page));
    console.log(`${renderer} ${n} pan: tasks over 8 ms (${file})\n${run.timeline.join('\n')}`);
    return run.result;
  });
  await page.evaluate(() => {
    const cy = (window as PageWindow).__cy!;
    cy.fit(undefined, 40);
  });
  await page.waitForTimeout(400);
  const click = await timeClick(page);
  const hub = graph.nodes.reduce((best, node) => ((node.weight ?? 0) > (best.weight ?? 0) ? node : best));
  const expand = await timeExpand(page, n + 150, hub.id);
  await page.screenshot({ path: path.join(SHOTS, `${renderer}-${n}-expanded.png`) });
  const row: Row = {
    renderer,
    nodes: n,
    edges: graph.edges.length,
    firstPaint: load.ms,
    complete: load.complete,
    split: load.split,
    loadTask: load.task,
    fps: pan.fps,
    panTask: pan.task,
    click: click.ms,
    clickRight: click.right,
    expand: expand.ms,
    expandTask: expand.task,
    labels: load.labels,
    lite: load.lite,
  };
  await page.close();
  return row;
}

async function main(): Promise<void> {
  buildClientIfStale();
  const bundle = initialBundle();
  console.log(`initial JavaScript: ${bundle.files.join(', ')} — ${(bundle.raw / 1024).toFixed(0)} KB, gzipped ${(bundle.gzip / 1024).toFixed(1)} KB (target ≤ 400 KB)`);
  const server = await startUiServer(generateGraph(10));
  const browser = await launchChromium({ softwareWebGl: true });
  const rows: Row[] = [];
  const baseline: Record<string, number> = {};
  try {
    for (const renderer of renderers) {
      const page = await newPage(browser, server, renderer);
      const gl = await page.evaluate(() => {
        const gl2 = document.createElement('canvas').getContext('webgl2');
        const info = gl2?.getExtension('WEBGL_debug_renderer_info');
        return gl2 ? String(gl2.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl2.RENDERER)) : 'no WebGL2';
      });
      baseline[renderer] = (await panAndZoom(page)).fps;
      await page.close();
      console.log(`${renderer}: GL ${gl}; empty canvas pan and zoom ${baseline[renderer]!.toFixed(1)} fps`);
      for (const n of sizes) {
        const row = await measure(browser, server, renderer, n);
        rows.push(row);
        console.log(
          `${renderer} ${n} nodes/${row.edges} edges: first paint ${row.firstPaint.toFixed(0)} ms, edges drawn ${row.complete.toFixed(0)} ms (longest task ${row.loadTask.toFixed(0)} ms; ` +
            `${row.split.before.toFixed(0)} ms to the layout, ${row.split.layout.toFixed(0)} in it, ${row.split.after.toFixed(0)} after), ` +
            `pan+zoom ${row.fps.toFixed(1)} fps (longest task ${row.panTask.toFixed(0)} ms), click ${row.click.toFixed(0)} ms` +
            `${row.clickRight ? '' : ' WRONG NODE'}, expand +150 ${row.expand.toFixed(0)} ms (longest task ${row.expandTask.toFixed(0)} ms), ` +
            `${row.labels} labels${row.lite ? ', lite style' : ''}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log('\n| renderer | nodes / edges | first paint | edges drawn | longest task (load) | pan+zoom fps (empty canvas) | longest task (pan) | click → selected | expand +150 (longest task) | labels shown |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.renderer} | ${r.nodes} / ${r.edges} | ${r.firstPaint.toFixed(0)} ms | ${r.complete.toFixed(0)} ms | ${r.loadTask.toFixed(0)} ms | ${r.fps.toFixed(1)} (${baseline[r.renderer]!.toFixed(1)}) | ` +
        `${r.panTask.toFixed(0)} ms | ${r.click.toFixed(0)} ms${r.clickRight ? '' : ' (wrong node)'} | ${r.expand.toFixed(0)} ms (${r.expandTask.toFixed(0)} ms) | ${r.labels} |`,
    );
  }
  console.log(`\nscreenshots: ${SHOTS}; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
}

await main();
