/**
 * An export's memory is flat in what it holds (a fetch of rows, a batch of text), but not in what
 * V8 keeps: rows live while their batch is written, outlive the young generation and die in the
 * old one, and after each full collection V8 lets the old generation grow to up to 4× what survived
 * before collecting again. Over a whole-collection export that was +200 MB of heap, almost all of it
 * garbage (docs/benchmarks.md, bench:export). While an export runs, V8 is told to grow the old
 * generation by HEAP_GROWING_PERCENT over what survived: it collects more often (a few CPU seconds
 * over a 3.4 M-element export), RSS stays near idle, and, unlike a heap cap (--max-old-space-size),
 * a larger live set only means a larger heap, never an out-of-memory crash.
 */
import v8 from 'node:v8';

/** Old-generation growth over what survived the last full collection, while an export runs. */
export const HEAP_GROWING_PERCENT = 50;

let running = 0;

/** The process's own choice (`node --heap-growing-percent=…`, NODE_OPTIONS) is left alone. */
const chosenByUser = () => [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) => /heap[-_]growing[-_]percent/.test(flag));

/**
 * Runs `work` (one export) with the old generation's growth bounded, V8's default given back when
 * the last export running in this process (the API may serve several) ends.
 */
export async function withBoundedHeapGrowth<T>(work: () => Promise<T>, percent = HEAP_GROWING_PERCENT): Promise<T> {
  const own = !chosenByUser();
  if (own && running++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  try {
    return await work();
  } finally {
    // 0 is V8's "not set": its own dynamic factor again.
    if (own && --running === 0) v8.setFlagsFromString('--heap-growing-percent=0');
  }
}
