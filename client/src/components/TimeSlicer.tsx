import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeline, type TimeBucket } from '../api/queries.ts';
import { graphql } from '../api/graphql.ts';
import { useAsync } from '../api/useAsync.ts';
import { fillBins, stepWindow, windowDates, windowIndices, type Unit } from '../time/buckets.ts';

const PLAY_MS = 900;
const COMMIT_MS = 400;

/** Months, or days when the collection spans less than three months. */
async function loadBins(signal: AbortSignal) {
  const months = await timeline(signal);
  if (months.length >= 3) return fillBins(months, 'MONTH');
  const days = await graphql<{ timeline: TimeBucket[] }>(`query Days { timeline(bucket: DAY) { bucket start count } }`, {}, signal);
  return fillBins(days.timeline, 'DAY' satisfies Unit);
}

/**
 * A histogram of article dates with a window over it: the canvas shows only the links seen in
 * the window. Dragging previews at once and becomes one undo step when it stops; Play steps the
 * window one bin at a time.
 */
export function TimeSlicer({ from, to, onChange }: { from: string | null; to: string | null; onChange: (from: string | null, to: string | null, commit: boolean) => void }) {
  const { t } = useTranslation();
  const { data: bins = [], error } = useAsync(loadBins, []);
  const [draft, setDraft] = useState<[number, number] | null>(null);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [lo, hi] = draft ?? windowIndices(bins, from, to);
  const max = useMemo(() => Math.max(1, ...bins.map((b) => b.count)), [bins]);

  const preview = (next: [number, number], commitAfter: number | null) => {
    setDraft(next);
    const { from: f, to: t2 } = windowDates(bins, next[0], next[1]);
    onChange(f, t2, false);
    clearTimeout(timer.current);
    if (commitAfter !== null) {
      timer.current = setTimeout(() => {
        onChange(f, t2, true);
        setDraft(null);
      }, commitAfter);
    }
  };

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const next = stepWindow(bins, lo, hi);
      if (!next) {
        setPlaying(false);
        preview([lo, hi], 0);
        return;
      }
      preview(next, null);
    }, PLAY_MS);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, lo, hi, bins]);

  useEffect(() => () => clearTimeout(timer.current), []);

  if (error) return <div className="time-slicer muted small">{error}</div>;
  if (bins.length === 0) return null;
  const shown = bins.slice(lo, hi + 1).reduce((sum, b) => sum + b.count, 0);
  const full = lo === 0 && hi === bins.length - 1;
  const width = 100 / bins.length;
  return (
    <section className="time-slicer" aria-label={t('time.heading')} data-testid="time-slicer">
      <div className="time-head">
        <button
          type="button"
          data-testid="time-play"
          onClick={() => {
            if (playing) {
              setPlaying(false);
              preview([lo, hi], 0);
            } else setPlaying(true);
          }}
        >
          {playing ? `❚❚ ${t('time.pause')}` : `▶ ${t('time.play')}`}
        </button>
        <span className="time-window" data-testid="time-window">
          {full ? t('time.all') : t('time.window', { from: bins[lo]!.key, to: bins[hi]!.key })} · {t('time.articles', { count: shown })}
        </span>
        {!full && (
          <button type="button" className="link" onClick={() => preview([0, bins.length - 1], 0)}>
            {t('time.reset')}
          </button>
        )}
      </div>
      <svg className="histogram" viewBox="0 0 100 30" preserveAspectRatio="none" role="img" aria-label={t('time.heading')}>
        {bins.map((bin, i) => {
          const h = bin.count === 0 ? 0 : Math.max(1.5, (bin.count / max) * 28);
          return (
            <rect key={bin.key} x={i * width + width * 0.1} width={width * 0.8} y={30 - h} height={h} className={i >= lo && i <= hi ? 'in' : 'out'}>
              <title>{`${bin.key}: ${bin.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="time-ranges">
        <label>
          <span>{t('time.from')}</span>
          <input type="range" min={0} max={bins.length - 1} value={lo} data-testid="time-from" onChange={(e) => preview([Math.min(Number(e.target.value), hi), hi], COMMIT_MS)} />
        </label>
        <label>
          <span>{t('time.to')}</span>
          <input type="range" min={0} max={bins.length - 1} value={hi} data-testid="time-to" onChange={(e) => preview([lo, Math.max(Number(e.target.value), lo)], COMMIT_MS)} />
        </label>
      </div>
    </section>
  );
}
