/**
 * `npm run bench:ui:compare -- --base DIR`: this checkout's explorer against another build of it
 * (DIR: a `vite build` output, e.g. of main), alternated page by page in one run, so both see the
 * same machine load. Per page: first paint and pan (ui-page.ts, as bench:ui), and from Chromium's
 * trace the CPU time of the main thread and of the layout worker — thread time, which a loaded
 * machine disturbs far less than wall-clock time. Prints each page and the medians.
 *
 *   vite build --outDir /tmp/base (in a checkout of the other revision), then
 *   npm run bench:ui:compare -- --base /tmp/base [--size 2000 --rounds 4]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildClientIfStale } from '../api/client-build.ts';
import { launchChromium } from './browser.ts';
import { median } from './median.ts';
import { generateGraph } from './ui-graph.ts';
import { UI_INIT_SCRIPT, loadGraph, panAndZoom, type PageWindow } from './ui-page.ts';
import { startUiServer } from './ui-server.ts';

const { values: args } = parseArgs({
  options: { base: { type: 'string' }, size: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '4' } },
});
if (!args.base) {
  console.error('bench:ui:compare: --base DIR (a built explorer to compare with) is required');
  process.exit(2);
}
const n = Number(args.size);
const rounds = Number(args.rounds);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args: { name?: string };
}

/** Runs `work` under a trace; CPU ms of the main thread, its longest task, and the worker's. */
async function cpu<T>(browser: Browser, page: Page, work: () => Promise<T>): Promise<{ result: T; main: number; longest: number; worker: number }> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'] });
  const result = await work();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const thread = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') thread.set(`${e.pid}:${e.tid}`, e.args.name ?? '');
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const on = (re: RegExp) => tasks.filter((e) => re.test(thread.get(`${e.pid}:${e.tid}`) ?? '')).map((e) => (e.tdur ?? 0) / 1000);
  const main = on(/^CrRendererMain$/);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { result, main: sum(main), longest: Math.max(0, ...main), worker: sum(on(/DedicatedWorker/)) };
}

const COLUMNS = ['first paint ms', 'edges drawn ms', 'pan fps', 'load: main CPU ms', 'its longest task', 'worker CPU ms', 'pan: main CPU ms', 'its longest task'];

async function main(): Promise<void> {
  buildClientIfStale();
  const graph = generateGraph(n);
  const servers = { base: await startUiServer(graph, 150, args.base!), this: await startUiServer(graph) };
  const browser = await launchChromium();
  const rows: Record<keyof typeof servers, number[][]> = { base: [], this: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 === 0 ? (['base', 'this'] as const) : (['this', 'base'] as const)) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        page.on('pageerror', (error) => console.error(`page error (${name}): ${error.stack ?? error.message}`));
        await page.addInitScript(UI_INIT_SCRIPT);
        await page.goto(`${servers[name].baseUrl}/?renderer=canvas`);
        await page.waitForFunction(() => (window as PageWindow).__cy !== undefined);
        const load = await cpu(browser, page, () => loadGraph(page, n));
        const pan = await cpu(browser, page, () => panAndZoom(page));
        const row = [load.result.ms, load.result.complete, pan.result.fps, load.main, load.longest, load.worker, pan.main, pan.longest];
        rows[name].push(row);
        console.log(`${name.padEnd(4)} ${row.map((v, i) => `${COLUMNS[i]} ${v.toFixed(0)}`).join(', ')}; load average ${os.loadavg()[0]!.toFixed(1)}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await servers.base.close();
    await servers.this.close();
  }
  console.log(`\n| build (${n} nodes, medians of ${rounds}) | ${COLUMNS.join(' | ')} |`);
  console.log(`| --- | ${COLUMNS.map(() => '---').join(' | ')} |`);
  for (const name of ['base', 'this'] as const) {
    console.log(`| ${name === 'base' ? args.base : 'this checkout'} | ${COLUMNS.map((_, i) => median(rows[name].map((r) => r[i]!)).toFixed(0)).join(' | ')} |`);
  }
  const ratio = (i: number) => (median(rows.this.map((r) => r[i]!)) / median(rows.base.map((r) => r[i]!))).toFixed(2);
  console.log(`\nthis / base: first paint ×${ratio(0)}, edges drawn ×${ratio(1)}, load main CPU ×${ratio(3)}, pan longest task ×${ratio(7)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

await main();
