/**
 * `bench:ui --trace`: a Chromium trace of a load, and the timeline it shows — each main-thread
 * and layout-worker task over 8 ms, with its start from the click, its CPU time and what ran in
 * it (the trace's own names: script, style, paint). For seeing what sits on the critical path
 * between the click and the first paint (two threads, two cores), which a CPU profile of the
 * main thread alone does not show.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

export interface Traced<T> {
  result: T;
  /** One line a task: thread, start and wall time from the first event, CPU time, what ran. */
  timeline: string[];
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'];

export async function traced<T>(browser: Browser, page: Page, file: string, work: () => Promise<T>): Promise<Traced<T>> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await work();
  const buffer = await browser.stopTracing();
  fs.writeFileSync(file, buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  return { result, timeline: timeline(events) };
}

function timeline(events: TraceEvent[]): string[] {
  const thread = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') thread.set(`${e.pid}:${e.tid}`, e.args.name ?? '');
  const nameOf = (e: TraceEvent) => thread.get(`${e.pid}:${e.tid}`) ?? '';
  const click = events.find((e) => e.name === 'EventDispatch' && e.args.data?.type === 'click');
  const t0 = click?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const lines: string[] = [];
  for (const task of events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 8000)) {
    const who = nameOf(task);
    if (!/^CrRendererMain$|DedicatedWorker/.test(who)) continue;
    const end = task.ts + task.dur!;
    // The biggest named pieces inside the task (function calls, style recalcs, paints).
    const inner = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== task.pid || e.tid !== task.tid || e.ph !== 'X' || e.ts < task.ts || e.ts >= end || e === task) continue;
      if (!/^(FunctionCall|TimerFire|FireAnimationFrame|EventDispatch|ParseHTML|Paint|UpdateLayoutTree|Layout|MajorGC|MinorGC|V8.GC_SCAVENGER|HandlePostMessage|XHRLoad|v8.compile)/.test(e.name)) continue;
      const key = e.name === 'FunctionCall' ? `${e.name}(${e.args.data?.functionName || '?'})` : e.name === 'EventDispatch' ? `Event(${e.args.data?.type})` : e.name;
      inner.set(key, (inner.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const parts = [...inner].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, ms]) => `${k} ${ms.toFixed(0)}`);
    lines.push(
      `${who === 'CrRendererMain' ? 'main  ' : 'worker'} ${((task.ts - t0) / 1000).toFixed(0).padStart(6)} ms +${(task.dur! / 1000).toFixed(0).padStart(4)} (cpu ${((task.tdur ?? 0) / 1000).toFixed(0).padStart(4)})  ${parts.join(', ')}`,
    );
  }
  for (const e of events.filter((m) => m.cat.includes('user_timing') && m.name.startsWith('guanxi:') && m.ph === 'b')) {
    lines.push(`mark   ${((e.ts - t0) / 1000).toFixed(0).padStart(6)} ms ${e.name}`);
  }
  return lines.sort((a, b) => Number(a.slice(7, 13)) - Number(b.slice(7, 13)));
}
