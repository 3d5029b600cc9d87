import { stats as fetchStats } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { useTranslation } from 'react-i18next';
import { TypeShape } from './TypeChip.tsx';

const fmt = new Intl.NumberFormat();

/** Shown over the empty canvas: how to start, and what the graph holds. */
export function EmptyState({ retryKey }: { retryKey: number }) {
  const { t } = useTranslation();
  const { data, error, loading } = useAsync((signal) => fetchStats(signal), [retryKey]);
  return (
    <div className="empty-state" data-testid="empty-state">
      <h2>{t('empty.heading')}</h2>
      <p>{t('empty.body')}</p>
      {loading && <p className="muted">{t('empty.loadingStats')}</p>}
      {error && <p className="error-text">{error}</p>}
      {data && (
        <div className="stats" data-testid="stats">
          <div>
            <strong>{fmt.format(data.articles)}</strong> {t('empty.articles')}
          </div>
          <div>
            <strong>{fmt.format(data.entities)}</strong> {t('empty.entities')}
          </div>
          <div>
            <strong>{fmt.format(data.relationships)}</strong> {t('empty.relationships')}
          </div>
          <ul className="by-type">
            {data.byType.map((row) => (
              <li key={row.type}>
                <TypeShape type={row.type} /> {t(`type.${row.type}`)} <strong>{fmt.format(row.count)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
