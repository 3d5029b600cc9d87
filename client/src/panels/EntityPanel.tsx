import { entityWithTimeline } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { TypeChip } from './TypeChip.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import type { PanelActions } from './selection.ts';

export function EntityPanel({ id, actions }: { id: string; actions: PanelActions }) {
  const { data, error, loading } = useAsync((signal) => entityWithTimeline(id, signal), [id]);
  if (loading) return <p className="muted">Loading {id}…</p>;
  if (error) return <p className="error-text">{error}</p>;
  const entity = data?.entity;
  if (!entity) return <p className="muted">No entity with id {id}.</p>;
  const timeline = data?.timeline ?? [];

  return (
    <article className="detail" data-testid="panel-entity">
      <header className="detail-head">
        <TypeChip type={entity.type} />
        <h2>{entity.name}</h2>
        <button type="button" onClick={() => actions.expand(entity.id)} title="Add its neighbourhood to the canvas">
          Expand
        </button>
      </header>
      <dl className="facts">
        {entity.aliases.length > 0 && (
          <>
            <dt>Also known as</dt>
            <dd>{entity.aliases.join('，')}</dd>
          </>
        )}
        {entity.code && (
          <>
            <dt>Division code</dt>
            <dd>{entity.code}</dd>
          </>
        )}
        <dt>Articles</dt>
        <dd>{entity.articleCount}</dd>
      </dl>

      {entity.positions.length > 0 && (
        <section>
          <h3>Positions</h3>
          <ul className="plain-list">
            {entity.positions.map((p, i) => (
              <li key={`${p.organization.id}-${p.title}-${i}`} title={p.evidence}>
                <strong>{p.title}</strong>
                {' · '}
                <button type="button" className="link" onClick={() => actions.open({ kind: 'entity', id: p.organization.id })}>
                  {p.organization.name}
                </button>
                {p.asOf && <span className="muted"> (as of {p.asOf})</span>}
                <blockquote>{p.evidence}</blockquote>
              </li>
            ))}
          </ul>
        </section>
      )}

      {entity.wrote.length > 0 && (
        <section>
          <h3>Wrote ({entity.wrote.length})</h3>
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
          Timeline ({timeline.length}
          {entity.articleCount > timeline.length ? ` of ${entity.articleCount}` : ''} articles)
        </h3>
        {timeline.length === 0 && <p className="muted">No article mentions it.</p>}
        <TimelineChart entries={timeline} />
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.article.id}>
              <span className="date">{entry.date ?? 'undated'}</span>
              <button type="button" className="link" onClick={() => actions.open({ kind: 'article', id: entry.article.id })}>
                {entry.article.title}
              </button>
              <span className="muted">
                {entry.article.source ? ` ${entry.article.source}` : ''} · {entry.count}×
              </span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

