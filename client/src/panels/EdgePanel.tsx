import { useTranslation } from 'react-i18next';
import type { GraphNode } from '@guanxi/shared';
import { edgeDetail } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { markTerms } from './highlight.ts';
import { TypeChip } from './TypeChip.tsx';
import { selectionForNode, type PanelActions } from './selection.ts';

/** "Why is this edge here": its type or title, when, and every sentence that states it with its article. */
export function EdgePanel({ id, actions }: { id: string; actions: PanelActions }) {
  const { t } = useTranslation();
  const { data: edge, error, loading } = useAsync((signal) => edgeDetail(id, signal), [id]);
  if (loading) return <p className="muted">{t('panel.loading')}</p>;
  if (error) return <p className="error-text">{error}</p>;
  if (!edge) return <p className="muted">{t('panel.edgeGone')}</p>;

  const endpoint = (node: GraphNode) => (
    <button type="button" className="link endpoint" onClick={() => actions.open(selectionForNode(node.id, node.type))}>
      <TypeChip type={node.type} /> {node.label}
    </button>
  );
  const terms = [edge.source.label, edge.target.label];
  const dates = edge.firstDate ? (edge.firstDate === edge.lastDate || !edge.lastDate ? edge.firstDate : `${edge.firstDate} – ${edge.lastDate}`) : undefined;
  const title = edge.label && edge.type !== 'MENTIONS' ? edge.label : t(`edge.${edge.type}`);

  return (
    <article className="detail" data-testid="panel-edge">
      <header className="detail-head">
        <h2 data-testid="edge-title">{title}</h2>
      </header>
      <p className="muted small">{t('panel.edgeTitle')}</p>
      <p className="edge-statement">
        {endpoint(edge.source)}
        <span className="edge-type">
          {t(`edge.${edge.type}`)}
          {edge.label && edge.type !== 'MENTIONS' ? `: ${edge.label}` : ''}
        </span>
        {endpoint(edge.target)}
      </p>
      <dl className="facts">
        {dates && (
          <>
            <dt>{t('panel.dates')}</dt>
            <dd data-testid="edge-dates">{dates}</dd>
          </>
        )}
        {edge.type !== 'CO_MENTIONED' && edge.weight > 0 && (
          <>
            <dt>{t('panel.articles')}</dt>
            <dd>{t('panel.statements', { count: edge.weight })}</dd>
          </>
        )}
      </dl>
      {edge.type === 'CO_MENTIONED' && (
        <p className="muted" data-testid="edge-strength">
          {t('panel.strength', { sentences: t('panel.sentences', { count: edge.weight }), articles: t('panel.articleCount', { count: edge.articles }) })}
          {edge.weight > edge.evidence.length ? ` · ${t('panel.firstSentences', { count: edge.evidence.length })}` : ''}
        </p>
      )}
      <section>
        <h3>{t('panel.evidence', { count: edge.evidence.length })}</h3>
        {edge.evidence.length === 0 && <p className="muted">{t('panel.noEvidence')}</p>}
        <ul className="evidence">
          {edge.evidence.map((ev, i) => (
            <li key={`${ev.article.id}-${i}`}>
              <blockquote>
                {markTerms(ev.sentence, terms).map((s, j) => (s.ref ? <mark key={j}>{s.text}</mark> : <span key={j}>{s.text}</span>))}
              </blockquote>
              <button type="button" className="link" onClick={() => actions.open({ kind: 'article', id: ev.article.id })}>
                {ev.article.title}
              </button>
              {ev.article.date && <span className="muted"> · {ev.article.date}</span>}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
