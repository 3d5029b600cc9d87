/** Time buckets for the slicer: the server's counts, gaps filled, in months (or days for a short collection). */
export type Unit = 'MONTH' | 'DAY';

export interface Bin {
  /** 2020-05 or 2020-05-07. */
  key: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
  count: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function next(date: Date, unit: Unit): Date {
  const d = new Date(date);
  if (unit === 'MONTH') d.setUTCMonth(d.getUTCMonth() + 1, 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Contiguous bins from the first to the last dated bucket; empty ones count 0, so gaps show as gaps. */
export function fillBins(buckets: readonly { start: string; count: number }[], unit: Unit, max = 1200): Bin[] {
  const sorted = [...buckets].filter((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.start)).sort((a, b) => a.start.localeCompare(b.start));
  if (sorted.length === 0) return [];
  const counts = new Map(sorted.map((b) => [b.start, b.count]));
  const bins: Bin[] = [];
  const last = sorted[sorted.length - 1]!.start;
  for (let d = new Date(`${sorted[0]!.start}T00:00:00Z`); iso(d) <= last && bins.length < max; d = next(d, unit)) {
    const start = iso(d);
    const end = iso(new Date(next(d, unit).getTime() - 86_400_000));
    bins.push({ key: unit === 'MONTH' ? start.slice(0, 7) : start, start, end, count: counts.get(start) ?? 0 });
  }
  return bins;
}

/** The window [lo, hi] of bins a date range covers; null ends are the whole range's ends. */
export function windowIndices(bins: readonly Bin[], from: string | null, to: string | null): [number, number] {
  if (bins.length === 0) return [0, 0];
  let lo = from ? bins.findIndex((b) => b.end >= from) : 0;
  let hi = bins.length - 1;
  if (to) hi = bins.reduce((found, b, i) => (b.start <= to ? i : found), -1);
  if (lo < 0) lo = bins.length - 1;
  if (hi < 0) hi = 0;
  return [Math.min(lo, hi), Math.max(lo, hi)];
}

/** The date range of bins [lo, hi]; the whole range is no filter at all (nulls). */
export function windowDates(bins: readonly Bin[], lo: number, hi: number): { from: string | null; to: string | null } {
  if (bins.length === 0 || (lo <= 0 && hi >= bins.length - 1)) return { from: null, to: null };
  return { from: bins[lo]!.start, to: bins[hi]!.end };
}

/** One play step: the window moves one bin later, keeping its width; a full window starts as one bin. */
export function stepWindow(bins: readonly Bin[], lo: number, hi: number): [number, number] | undefined {
  const full = lo <= 0 && hi >= bins.length - 1;
  if (full) return bins.length > 1 ? [0, 0] : undefined;
  if (hi >= bins.length - 1) return undefined;
  return [lo + 1, hi + 1];
}
