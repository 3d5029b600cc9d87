import type { GraphNode } from '@guanxi/shared';
import { edgeDetail } from '../api/queries.ts';
import { useAsync } from '../api/useAsync.ts';
import { EDGE_NAMES } from '@guanxi/shared';
import { markTerms } from './highlight.ts';
import { TypeChip } from './TypeChip.tsx';
import { selectionForNode, type PanelActions } from './selection.ts';

/** "Why is this edge here": the sentences that state it, each with the article it is from. */
export function EdgePanel({ id, actions }: { id: string; actions: PanelActions }) {
  const { data: edge, error, loading } = useAsync((signal) => edgeDetail(id, signal), [id]);
  if (loading) return <p className="muted">Loading evidence…</p>;
  if (error) return <p className="error-text">{error}</p>;
  if (!edge) return <p className="muted">This edge is no longer in the graph.</p>;

  const endpoint = (node: GraphNode) => (
    <button type="button" className="link endpoint" onClick={() => actions.open(selectionForNode(node.id, node.type))}>
      <TypeChip type={node.type} /> {node.label}
    </button>
  );
  const terms = [edge.source.label, edge.target.label];

  return (
    <article className="detail" data-testid="panel-edge">
      <header className="detail-head">
        <h2>Why is this edge here?</h2>
      </header>
      <p className="edge-statement">
        {endpoint(edge.source)}
        <span className="edge-type">
          {EDGE_NAMES[edge.type] ?? edge.type}
          {edge.label && edge.type !== 'MENTIONS' ? `: ${edge.label}` : ''}
        </span>
        {endpoint(edge.target)}
      </p>
      {edge.type === 'CO_MENTIONED' && (
        <p className="muted" data-testid="edge-strength">
          Named together in {edge.weight} sentence{edge.weight === 1 ? '' : 's'} of {edge.articles} article{edge.articles === 1 ? '' : 's'}
          {edge.firstDate ? `, ${edge.firstDate === edge.lastDate ? edge.firstDate : `${edge.firstDate} – ${edge.lastDate}`}` : ''}.
          {edge.weight > edge.evidence.length ? ` The first ${edge.evidence.length} sentences:` : ''}
        </p>
      )}
      <section>
        <h3>Evidence ({edge.evidence.length})</h3>
        {edge.evidence.length === 0 && <p className="muted">The server keeps no sentence for this edge.</p>}
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
