import { stats as fetchStats } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { TypeShape } from './TypeChip.tsx';

const fmt = new Intl.NumberFormat('en-US');

/** Shown over the empty canvas: how to start, and what the graph holds. */
export function EmptyState({ retryKey }: { retryKey: number }) {
  const { data, error, loading } = useAsync((signal) => fetchStats(signal), [retryKey]);
  return (
    <div className="empty-state" data-testid="empty-state">
      <h2>Start from a name</h2>
      <p>
        Search above (e.g. a person’s name), click a result to put it and its neighbours on the canvas, then
        double-click nodes to expand them.
      </p>
      {loading && <p className="muted">Loading graph statistics…</p>}
      {error && <p className="error-text">{error}</p>}
      {data && (
        <div className="stats" data-testid="stats">
          <div>
            <strong>{fmt.format(data.articles)}</strong> articles
          </div>
          <div>
            <strong>{fmt.format(data.entities)}</strong> entities
          </div>
          <div>
            <strong>{fmt.format(data.relationships)}</strong> relationships
          </div>
          <ul className="by-type">
            {data.byType.map((t) => (
              <li key={t.type}>
                <TypeShape type={t.type} /> {t.type} <strong>{fmt.format(t.count)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
