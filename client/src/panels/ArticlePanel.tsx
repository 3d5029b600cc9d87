import { useMemo } from 'react';
import type { NodeType } from '@guanxi/shared';
import { article as fetchArticle, type EntityRef } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { NODE_COLORS } from '@guanxi/shared';
import { highlightSegments } from './highlight.ts';
import { TypeChip } from './TypeChip.tsx';
import type { PanelActions } from './selection.ts';

export function ArticlePanel({ id, actions }: { id: string; actions: PanelActions }) {
  const { data: article, error, loading } = useAsync((signal) => fetchArticle(id, signal), [id]);
  const segments = useMemo(
    () =>
      article ? highlightSegments<EntityRef>(article.body, article.mentions.map((m) => ({ ref: m.entity, offsets: m.offsets }))) : [],
    [article],
  );
  if (loading) return <p className="muted">Loading article…</p>;
  if (error) return <p className="error-text">{error}</p>;
  if (!article) return <p className="muted">No article with id {id}.</p>;

  const mentioned = [...article.mentions].sort((a, b) => b.count - a.count);
  return (
    <article className="detail" data-testid="panel-article">
      <header className="detail-head">
        <TypeChip type="Article" />
        <h2>{article.title}</h2>
        <button type="button" onClick={() => actions.expand(article.id)} title="Add the article and what it mentions to the canvas">
          Expand
        </button>
      </header>
      {article.subtitle && <p className="subtitle">{article.subtitle}</p>}
      <dl className="facts">
        <dt>Date</dt>
        <dd>{article.date ?? 'unknown'}</dd>
        {article.source && (
          <>
            <dt>Source</dt>
            <dd>{article.source}</dd>
          </>
        )}
        {article.authors.length > 0 && (
          <>
            <dt>Authors</dt>
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
            <dt>Link</dt>
            <dd>
              <a href={article.url} target="_blank" rel="noreferrer noopener">
                original
              </a>
            </dd>
          </>
        )}
      </dl>

      {mentioned.length > 0 && (
        <section>
          <h3>Mentions ({mentioned.length})</h3>
          <div className="mention-chips">
            {mentioned.map((m) => (
              <button
                key={m.entity.id}
                type="button"
                className="mention-chip"
                style={{ borderColor: NODE_COLORS[m.entity.type] }}
                onClick={() => actions.open({ kind: 'entity', id: m.entity.id })}
                title={`${m.entity.type} · ${m.count}×`}
              >
                {m.entity.name} <span className="muted">{m.count}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      <section>
        <h3>Text</h3>
        <div className="article-body">
          {segments.map((segment, i) =>
            segment.ref ? (
              <mark
                key={i}
                className="mention"
                style={markStyle(segment.ref.type)}
                title={`${segment.ref.type}: ${segment.ref.name}`}
                onClick={() => segment.ref && actions.open({ kind: 'entity', id: segment.ref.id })}
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
