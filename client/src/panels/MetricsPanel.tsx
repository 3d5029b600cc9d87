import { useEffect, useState } from 'react';
import type { Analysis } from '@guanxi/shared/analytics';
import { topEntities, type MetricOrder, type RankedEntity } from '../api/metrics.ts';
import { errorMessage } from '../api/graphql.ts';
import type { CanvasSummary, GraphView } from '../graph/GraphView.ts';
import { applyMetricStyle, COMMUNITY_COLORS, viewAnalysis, type SizeMetric } from '../graph/metric-style.ts';
import { TypeShape } from './TypeChip.tsx';

interface Props {
  view: () => GraphView | null;
  /** Changes whenever the canvas does: the view's metrics are computed again. */
  summary: CanvasSummary;
  /** Adds an entity (with what is around it) to the canvas. */
  onAdd: (id: string) => void;
}

const SIZES: { metric: SizeMetric; label: string }[] = [
  { metric: 'none', label: 'Type default' },
  { metric: 'degree', label: 'Degree' },
  { metric: 'weightedDegree', label: 'Weighted degree' },
  { metric: 'pagerank', label: 'PageRank' },
  { metric: 'betweenness', label: 'Betweenness' },
];

const ORDERS: { order: MetricOrder; label: string }[] = [
  { order: 'PAGERANK', label: 'PageRank' },
  { order: 'BETWEENNESS', label: 'Betweenness' },
  { order: 'DEGREE', label: 'Degree' },
  { order: 'WEIGHTED_DEGREE', label: 'Weighted degree' },
];

const TOP = 15;

function figure(order: MetricOrder, value: number): string {
  if (order === 'DEGREE') return value.toLocaleString();
  if (order === 'WEIGHTED_DEGREE') return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
  return value.toPrecision(3);
}

/**
 * Metrics in the explorer: the view's (computed in the browser, graph/metric-style.ts) drawn as
 * node size and community colour, and the collection's top entities by a stored metric, each a
 * click away from the canvas.
 */
export function MetricsPanel({ view, summary, onAdd }: Props) {
  const [size, setSize] = useState<SizeMetric>('none');
  const [byCommunity, setByCommunity] = useState(false);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [order, setOrder] = useState<MetricOrder>('PAGERANK');
  const [top, setTop] = useState<RankedEntity[]>([]);
  const [topError, setTopError] = useState<string>();

  useEffect(() => {
    const cy = view()?.cy;
    if (!cy) return;
    const active = size !== 'none' || byCommunity;
    const next = active && summary.visibleNodes > 0 ? viewAnalysis(cy) : null;
    applyMetricStyle(cy, next, size, byCommunity);
    setAnalysis(next);
  }, [view, summary, size, byCommunity]);

  useEffect(() => {
    const abort = new AbortController();
    setTopError(undefined);
    topEntities(order, null, TOP, abort.signal)
      .then(setTop)
      .catch((e) => {
        if (!abort.signal.aborted) setTopError(errorMessage(e));
      });
    return () => abort.abort();
  }, [order]);

  return (
    <section className="metrics-panel" aria-label="Metrics" data-testid="metrics-panel">
      <h3>Metrics of the view</h3>
      <label className="metric-control">
        Size by{' '}
        <select value={size} onChange={(e) => setSize(e.target.value as SizeMetric)} data-testid="metric-size">
          {SIZES.map((s) => (
            <option key={s.metric} value={s.metric}>{s.label}</option>
          ))}
        </select>
      </label>
      <label className="metric-control">
        <input type="checkbox" checked={byCommunity} onChange={(e) => setByCommunity(e.target.checked)} data-testid="metric-community" /> Colour by community
      </label>
      {analysis && (
        <p className="muted small" data-testid="metric-summary">
          {analysis.metrics.size} entities, {analysis.communities} communities (modularity {analysis.modularity.toFixed(2)})
          {byCommunity && (
            <span className="community-swatches" aria-hidden="true">
              {COMMUNITY_COLORS.slice(0, Math.min(analysis.communities, COMMUNITY_COLORS.length)).map((c) => (
                <span key={c} style={{ background: c, display: 'inline-block', width: 8, height: 8, marginLeft: 2 }} />
              ))}
            </span>
          )}
        </p>
      )}

      <h3>Top of the collection</h3>
      <label className="metric-control">
        By{' '}
        <select value={order} onChange={(e) => setOrder(e.target.value as MetricOrder)} data-testid="top-metric">
          {ORDERS.map((o) => (
            <option key={o.order} value={o.order}>{o.label}</option>
          ))}
        </select>
      </label>
      {topError && <p className="muted small" role="alert">{topError}</p>}
      {!topError && top.length === 0 && <p className="muted small">No metrics stored yet: run <code>guanxi analyze</code>.</p>}
      <ol className="top-entities" data-testid="top-entities">
        {top.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => onAdd(e.id)} title={`Add ${e.name} and its connections to the canvas`}>
              <TypeShape type={e.type} size={10} /> {e.name}
            </button>
            <span className="count">{figure(order, e.value)}</span>
          </li>
        ))}
      </ol>
      {top.length > 0 && (
        <button type="button" onClick={() => top.slice(0, 5).forEach((e) => onAdd(e.id))} data-testid="top-add-all">
          Add the top 5
        </button>
      )}
    </section>
  );
}
