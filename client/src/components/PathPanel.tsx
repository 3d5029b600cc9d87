import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths as fetchPaths, type PathAnswer } from '../api/queries.ts';
import { errorMessage } from '../api/graphql.ts';
import type { Selection } from '../panels/selection.ts';
import type { NodeRef } from '../workbench/Workbench.ts';

interface Props {
  from: NodeRef | undefined;
  to: NodeRef | undefined;
  /** The node selected on the canvas now, if one is. */
  selected: () => NodeRef | undefined;
  setFrom: (node: NodeRef | undefined) => void;
  setTo: (node: NodeRef | undefined) => void;
  onFound: (found: PathAnswer[], fromId?: string) => void;
  open: (selection: Selection) => void;
}

/** Pick two nodes, find the shortest connections between them, list each step with its evidence. */
export function PathPanel({ from, to, selected, setFrom, setTo, onFound, open }: Props) {
  const { t } = useTranslation();
  const [via, setVia] = useState<'ENTITIES' | 'ALL'>('ENTITIES');
  const [found, setFound] = useState<PathAnswer[] | undefined>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const find = async () => {
    if (!from || !to) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await fetchPaths(from.id, to.id, via);
      setFound(result);
      onFound(result, from.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const end = (label: string, node: NodeRef | undefined, set: (n: NodeRef | undefined) => void, testid: string) => (
    <div className="path-end">
      <span className="muted small">{label}</span>
      <span className="path-node" data-testid={testid}>{node?.label ?? <em className="muted">{t('paths.pick')}</em>}</span>
      <button type="button" className="link small" onClick={() => set(selected() ?? node)}>
        {t('paths.useSelected')}
      </button>
    </div>
  );

  return (
    <section aria-label={t('paths.heading')} data-testid="path-panel">
      <h3>{t('paths.heading')}</h3>
      {end(t('paths.from'), from, setFrom, 'path-from')}
      {end(t('paths.to'), to, setTo, 'path-to')}
      <div className="button-row">
        <label className="small">
          {t('paths.via')}{' '}
          <select value={via} onChange={(e) => setVia(e.target.value as 'ENTITIES' | 'ALL')} data-testid="path-via">
            <option value="ENTITIES">{t('paths.viaEntities')}</option>
            <option value="ALL">{t('paths.viaAll')}</option>
          </select>
        </label>
        <button type="button" disabled={!from || !to || busy || from.id === to.id} onClick={() => void find()} data-testid="path-find">
          {t('paths.find')}
        </button>
        {found && (
          <button
            type="button"
            onClick={() => {
              setFound(undefined);
              onFound([]);
            }}
          >
            {t('paths.clear')}
          </button>
        )}
      </div>
      {error && <p className="error-text small">{error}</p>}
      {found && found.length === 0 && <p className="muted small">{t('paths.none', { hops: 4 })}</p>}
      {found && found.length > 0 && (
        <div className="path-results" data-testid="path-results">
          <p className="small">{t('paths.found', { count: found.length, length: found[0]!.length })}</p>
          {found.map((path, p) => (
            <ol key={p} className="path-steps">
              {path.steps.map((step, i) => (
                <li key={step.edge.id}>
                  <button type="button" className="link" onClick={() => open({ kind: path.nodes[i]!.type === 'Article' ? 'article' : 'entity', id: path.nodes[i]!.id })}>
                    {path.nodes[i]!.label}
                  </button>
                  {' → '}
                  <span className="muted">{t(`edge.${step.edge.type}`)}{step.label ? `: ${step.label}` : ''}</span>
                  {' → '}
                  <button type="button" className="link" onClick={() => open({ kind: path.nodes[i + 1]!.type === 'Article' ? 'article' : 'entity', id: path.nodes[i + 1]!.id })}>
                    {path.nodes[i + 1]!.label}
                  </button>
                  {step.evidence.map((ev, j) => (
                    <blockquote key={j}>
                      {ev.sentence}{' '}
                      <button type="button" className="link small" onClick={() => open({ kind: 'article', id: ev.article.id })}>
                        {ev.article.title}
                      </button>
                    </blockquote>
                  ))}
                </li>
              ))}
            </ol>
          ))}
        </div>
      )}
    </section>
  );
}
