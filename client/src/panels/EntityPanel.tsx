import { useTranslation } from 'react-i18next';
import { entityWithTimeline, hierarchy } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { TypeChip } from './TypeChip.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import type { PanelActions } from './selection.ts';

/** Everything about one entity: names, positions over time, where it sits, who it is tied to, and when it is in the news. */
export function EntityPanel({ id, actions }: { id: string; actions: PanelActions }) {
  const { t } = useTranslation();
  const { data, error, loading } = useAsync((signal) => entityWithTimeline(id, signal), [id]);
  const places = useAsync((signal) => hierarchy(id, signal), [id]);
  if (loading) return <p className="muted">{t('panel.loading')}</p>;
  if (error) return <p className="error-text">{error}</p>;
  const entity = data?.entity;
  if (!entity) return <p className="muted">{t('panel.noEntity', { id })}</p>;
  const timeline = data?.timeline ?? [];
  const related = entity.related.edges;
  const openEntity = (target: string) => actions.open({ kind: 'entity', id: target });

  return (
    <article className="detail" data-testid="panel-entity">
      <header className="detail-head">
        <TypeChip type={entity.type} />
        <h2>{entity.name}</h2>
        <button type="button" onClick={() => actions.expand(entity.id)} title={t('panel.expandTitle')}>
          {t('panel.expand')}
        </button>
      </header>
      <dl className="facts">
        {entity.aliases.length > 0 && (
          <>
            <dt>{t('panel.aliases')}</dt>
            <dd data-testid="aliases">{entity.aliases.join('，')}</dd>
          </>
        )}
        {entity.code && (
          <>
            <dt>{t('panel.code')}</dt>
            <dd>{entity.code}</dd>
          </>
        )}
        <dt>{t('panel.articles')}</dt>
        <dd>{entity.articleCount}</dd>
      </dl>

      {entity.positions.length > 0 && (
        <section>
          <h3>{t('panel.positions')}</h3>
          <ul className="plain-list positions">
            {[...entity.positions]
              .sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? ''))
              .map((p, i) => (
                <li key={`${p.organization.id}-${p.title}-${i}`}>
                  <strong>{p.title}</strong>
                  {' · '}
                  <button type="button" className="link" onClick={() => openEntity(p.organization.id)}>
                    {p.organization.name}
                  </button>
                  {p.dates.length > 0 && <span className="date"> {p.dates.length > 1 ? `${p.dates[0]} – ${p.dates.at(-1)}` : p.dates[0]}</span>}
                  <blockquote>{p.evidence}</blockquote>
                </li>
              ))}
          </ul>
        </section>
      )}

      {places.data && (places.data.up.length > 0 || places.data.down.length > 0) && (
        <section data-testid="hierarchy">
          {places.data.up.length > 0 && (
            <>
              <h3>{t('panel.partOf')}</h3>
              <p>
                {places.data.up.map((n, i) => (
                  <span key={n.id}>
                    {i > 0 && ' · '}
                    <button type="button" className="link" onClick={() => openEntity(n.id)}>{n.label}</button>
                  </span>
                ))}
              </p>
            </>
          )}
          {places.data.down.length > 0 && (
            <>
              <h3>{t('panel.contains')}</h3>
              <p>
                {places.data.down.map((n, i) => (
                  <span key={n.id}>
                    {i > 0 && ' · '}
                    <button type="button" className="link" onClick={() => openEntity(n.id)}>{n.label}</button>
                  </span>
                ))}
              </p>
            </>
          )}
        </section>
      )}

      {related.length > 0 && (
        <section>
          <h3>{t('panel.topConnections')}</h3>
          <ul className="plain-list top-connections" data-testid="top-connections">
            {related.map((r) => (
              <li key={r.node.id} title={t('panel.weightTitle', { weight: r.weight, articles: r.articleCount })}>
                <TypeChip type={r.node.type} />{' '}
                <button type="button" className="link" onClick={() => openEntity(r.node.id)}>{r.node.name}</button>
                {r.titles.length > 0 && <span className="muted small"> {r.titles.join('、')}</span>}
                <span className="weight-bar" style={{ width: `${Math.max(4, (r.weight / related[0]!.weight) * 60)}px` }} />
                <span className="muted small">{r.weight}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {entity.wrote.length > 0 && (
        <section>
          <h3>{t('panel.wrote', { count: entity.wrote.length })}</h3>
          <ul className="plain-list">
            {entity.wrote.map((a) => (
              <li key={a.id}>
                <span className="date">{a.date ?? '—'}</span>{' '}
                <button type="button" className="link" onClick={() => actions.open({ kind: 'article', id: a.id })}>
                  {a.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h3>
          {entity.articleCount > timeline.length
            ? t('panel.timelineOf', { shown: timeline.length, total: entity.articleCount })
            : t('panel.timeline', { shown: timeline.length })}
        </h3>
        {timeline.length === 0 && <p className="muted">{t('panel.noMentions')}</p>}
        <TimelineChart entries={timeline} />
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.article.id}>
              <span className="date">{entry.date ?? t('panel.undated')}</span>
              <button type="button" className="link" onClick={() => actions.open({ kind: 'article', id: entry.article.id })}>
                {entry.article.title}
              </button>
              <span className="muted">
                {entry.article.source ? ` ${entry.article.source}` : ''} · {entry.count}×
              </span>
              {entry.snippet && <span className="snippet">{entry.snippet}</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
