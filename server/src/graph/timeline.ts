import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** Article counts over time, for the explorer's time slicer: a collection's, or some entities'. */

export type Bucket = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface BucketCount {
  /** The bucket's first day, YYYY-MM-DD. */
  start: string;
  /** Its label: 2020-05-07, 2020-W19, 2020-05, 2020. */
  bucket: string;
  count: number;
}

export async function timeline(graph: Graph, ids: string[], bucket: Bucket, from: string | null, to: string | null): Promise<BucketCount[]> {
  // '0' is above the undated articles' '' and below every date; '~' after any time on the last day.
  const params = { ids, from: from ?? '0', to: to ? `${to}~` : '\uffff' };
  const days = await graph.read<{ day: string; count: number }>(cypher(ids.length > 0 ? 'api/timeline-of' : 'api/timeline-all'), params);
  const counts = new Map<string, BucketCount>();
  for (const { day, count } of days) {
    const key = bucketOf(day, bucket);
    if (!key) continue;
    const entry = counts.get(key.bucket) ?? { ...key, count: 0 };
    entry.count += count;
    counts.set(key.bucket, entry);
  }
  return [...counts.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The bucket of a YYYY-MM-DD day (weeks are ISO weeks, starting on Monday); null for a malformed day. */
export function bucketOf(day: string, bucket: Bucket): { bucket: string; start: string } | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  if (!match) return null;
  const [, y, m] = match;
  switch (bucket) {
    case 'DAY':
      return { bucket: day, start: day };
    case 'MONTH':
      return { bucket: `${y}-${m}`, start: `${y}-${m}-01` };
    case 'YEAR':
      return { bucket: y!, start: `${y}-01-01` };
    case 'WEEK': {
      const date = new Date(`${day}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return null;
      const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
      // The ISO week's year is the year of its Thursday.
      const thursday = new Date(monday.getTime() + 3 * 86_400_000);
      const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
      const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
      return { bucket: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`, start: monday.toISOString().slice(0, 10) };
    }
  }
}
