import type { TimelineEntry } from '../api/queries.ts';

/** Bins dated entries by month, or by year when they span more than six years. */
export function binTimeline(entries: TimelineEntry[]): { key: string; count: number }[] {
  const dates = entries.map((e) => e.date).filter((d): d is string => !!d && /^\d{4}-\d{2}/.test(d));
  if (dates.length === 0) return [];
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const byYear = Math.max(...years) - Math.min(...years) > 6;
  const keyOf = (d: string) => (byYear ? d.slice(0, 4) : d.slice(0, 7));
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(keyOf(d), (counts.get(keyOf(d)) ?? 0) + 1);

  // Fill empty bins so gaps in coverage are visible as gaps.
  const keys = [...counts.keys()].sort();
  const bins: { key: string; count: number }[] = [];
  let [y, m] = keys[0]!.split('-').map(Number) as [number, number | undefined];
  const last = keys[keys.length - 1]!;
  for (let guard = 0; guard < 1200; guard++) {
    const key = byYear ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
    bins.push({ key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    if (byYear || m === 12) {
      y += 1;
      m = 1;
    } else m = (m ?? 0) + 1;
  }
  return bins;
}

/** A small bar chart of when an entity is in the news. */
export function TimelineChart({ entries }: { entries: TimelineEntry[] }) {
  const bins = binTimeline(entries);
  if (bins.length < 2) return null;
  const max = Math.max(...bins.map((b) => b.count));
  const width = 360;
  const height = 44;
  const barWidth = width / bins.length;
  return (
    <figure className="timeline-chart">
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label="Articles over time">
        {bins.map((bin, i) => {
          const h = bin.count === 0 ? 0 : Math.max(2, (bin.count / max) * (height - 2));
          return (
            <rect key={bin.key} x={i * barWidth + 0.5} y={height - h} width={Math.max(barWidth - 1, 0.5)} height={h}>
              <title>{`${bin.key}: ${bin.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span>{bins[0]!.key}</span>
        <span>max {max} per {bins[0]!.key.length === 4 ? 'year' : 'month'}</span>
        <span>{bins[bins.length - 1]!.key}</span>
      </figcaption>
    </figure>
  );
}
