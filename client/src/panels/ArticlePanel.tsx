import { useMemo } from 'react';
import type { NodeType } from '@guanxi/shared';
import { article as fetchArticle, type EntityRef } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { NODE_COLORS } from '@guanxi/shared';
import { highlightSegments, withNameOffsets } from './highlight.ts';
import { useTranslation } from 'react-i18next';
import { TypeChip } from './TypeChip.tsx';
import type { PanelActions } from './selection.ts';

export function ArticlePanel({ id, actions }: { id: string; actions: PanelActions }) {
  const { t } = useTranslation();
  const { data: article, error, loading } = useAsync((signal) => fetchArticle(id, signal), [id]);
  const segments = useMemo(
    () =>
      article
        ? highlightSegments<EntityRef>(
            article.body,
            withNameOffsets(article.body, article.mentions.map((m) => ({ ref: m.entity, offsets: m.offsets, names: [m.entity.name, ...m.entity.aliases] }))),
          )
        : [],
    [article],
  );
  if (loading) return <p className="muted">{t('panel.loading')}</p>;
  if (error) return <p className="error-text">{error}</p>;
  if (!article) return <p className="muted">{t('panel.noArticle', { id })}</p>;

  const mentioned = [...article.mentions].sort((a, b) => b.count - a.count);
  return (
    <article className="detail" data-testid="panel-article">
      <header className="detail-head">
        <TypeChip type="Article" />
        <h2>{article.title}</h2>
        <button type="button" onClick={() => actions.expand(article.id)} title={t('panel.expandTitle')}>
          {t('panel.expand')}
        </button>
      </header>
      {article.subtitle && <p className="subtitle">{article.subtitle}</p>}
      <dl className="facts">
        <dt>{t('panel.date')}</dt>
        <dd>{article.date ?? t('panel.unknown')}</dd>
        {article.source && (
          <>
            <dt>{t('panel.source')}</dt>
            <dd>{article.source}</dd>
          </>
        )}
        {article.authors.length > 0 && (
          <>
            <dt>{t('panel.authors')}</dt>
            <dd>
              {article.authors.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && '、'}
                  <button type="button" className="link" onClick={() => actions.open({ kind: 'entity', id: a.id })}>
                    {a.name}
                  </button>
                </span>
              ))}
            </dd>
          </>
        )}
        {article.url && (
          <>
            <dt>{t('panel.link')}</dt>
            <dd>
              <a href={article.url} target="_blank" rel="noreferrer noopener">
                {t('panel.original')}
              </a>
            </dd>
          </>
        )}
      </dl>

      {mentioned.length > 0 && (
        <section>
          <h3>{t('panel.mentions', { count: mentioned.length })}</h3>
          <div className="mention-chips">
            {mentioned.map((m) => (
              <button
                key={m.entity.id}
                type="button"
                className="mention-chip"
                style={{ borderColor: NODE_COLORS[m.entity.type] }}
                onClick={() => actions.open({ kind: 'entity', id: m.entity.id })}
                title={`${t(`type.${m.entity.type}`)} · ${m.count}×`}
              >
                {m.entity.name} <span className="muted">{m.count}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      <section>
        <h3>{t('panel.text')}</h3>
        <div className="article-body">
          {segments.map((segment, i) =>
            segment.ref ? (
              <mark
                key={i}
                className="mention"
                style={markStyle(segment.ref.type)}
                title={t('panel.mentionTitle', { type: t(`type.${segment.ref.type}`), name: segment.ref.name })}
                data-id={segment.ref.id}
                role="button"
                tabIndex={0}
                onClick={() => segment.ref && actions.add(segment.ref.id)}
                onKeyDown={(event) => {
                  if (segment.ref && (event.key === 'Enter' || event.key === ' ')) {
                    event.preventDefault();
                    actions.add(segment.ref.id);
                  }
                }}
              >
                {segment.text}
              </mark>
            ) : (
              <span key={i}>{segment.text}</span>
            ),
          )}
        </div>
      </section>
    </article>
  );
}

function markStyle(type: NodeType) {
  const color = NODE_COLORS[type];
  // 8-digit hex: the type colour at ~20% opacity as background, full colour underline.
  return { backgroundColor: `${color}33`, borderBottomColor: color };
}
