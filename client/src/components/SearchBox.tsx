import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { NODE_TYPES, type NodeType } from '@guanxi/shared';
import type { SearchHit } from '../api/queries.ts';
import { ApiError, errorMessage } from '../api/graphql.ts';
import { useSearch } from '../api/useSearch.ts';
import { flatHits, groupHits } from '../search/groupHits.ts';
import { TypeChip } from '../panels/TypeChip.tsx';

/** What went wrong, in words the user can act on. */
export function searchErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'QUERY_TIMEOUT') return t('search.timeout');
  if (error instanceof ApiError && error.kind === 'network') return t('errors.network');
  if (error instanceof ApiError && error.code === 'SERVICE_UNAVAILABLE') return t('errors.SERVICE_UNAVAILABLE');
  return t('search.failed', { message: errorMessage(error) });
}

/**
 * Search with suggestions as you type: entities grouped by type with counts, then articles;
 * ↑/↓ move, Enter adds the active one (the first when none is), Escape closes. While a newer
 * search runs, the old suggestions stay visible but cannot be picked.
 */
export function SearchBox({ onPick }: { onPick: (hit: SearchHit) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [type, setType] = useState<NodeType | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const found = useSearch(text, type);
  const groups = useMemo(() => groupHits(found.hits ?? []), [found.hits]);
  const flat = useMemo(() => flatHits(groups), [groups]);
  const stale = found.loading;
  const listId = useId();
  const show = open && text.trim() !== '';

  const pick = (hit: SearchHit | undefined) => {
    if (!hit || stale) return;
    onPick(hit);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (flat.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + flat.length) % flat.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (stale || flat.length === 0) {
        found.submit();
        setOpen(true);
      } else pick(flat[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  let index = -1;
  return (
    <div className="search" role="search">
      <input
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        role="combobox"
        aria-expanded={show}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        data-testid="search-input"
        autoFocus
      />
      <select value={type ?? ''} onChange={(event) => setType((event.target.value || null) as NodeType | null)} aria-label={t('search.limitType')}>
        <option value="">{t('search.allTypes')}</option>
        {NODE_TYPES.map((nodeType) => (
          <option key={nodeType} value={nodeType}>
            {t(`type.${nodeType}`)}
          </option>
        ))}
      </select>
      {show && (
        <div className={`suggestions ${stale ? 'stale' : ''}`} data-testid="suggestions" aria-busy={stale}>
          {stale && (
            <p className="muted small suggestions-status">
              <span className="spinner" /> {t('search.searching')}
            </p>
          )}
          {!stale && found.error !== undefined && (
            <p className="error-text small suggestions-status" role="alert" data-testid="search-error">
              {searchErrorText(found.error, t)}{' '}
              <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={found.retry}>
                {t('app.retry')}
              </button>
            </p>
          )}
          {!stale && found.error === undefined && found.hits?.length === 0 && <p className="muted small suggestions-status">{t('search.nothing', { query: found.query })}</p>}
          <ul id={listId} role="listbox" aria-label={t('search.label')} data-testid="search-results">
            {groups.map((group) => (
              <li key={group.type} role="presentation">
                <div className="suggestion-group">{t('search.group', { type: t(`typePlural.${group.type}`), count: group.hits.length })}</div>
                <ul role="presentation">
                  {group.hits.map((hit) => {
                    index += 1;
                    const i = index;
                    return (
                      <li key={hit.id} role="presentation">
                        <button
                          type="button"
                          id={`${listId}-${i}`}
                          role="option"
                          aria-selected={i === active}
                          aria-disabled={stale}
                          disabled={stale}
                          className={`result ${i === active ? 'active' : ''}`}
                          data-id={hit.id}
                          data-type={hit.type}
                          onMouseDown={(e) => e.preventDefault()}
                          onMouseEnter={() => setActive(i)}
                          onClick={() => pick(hit)}
                        >
                          <TypeChip type={hit.type} />
                          <span className="result-label">{hit.label}</span>
                          <span className="result-detail">{describe(hit, t)}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {flat.length > 0 && !stale && <p className="muted small suggestions-hint">{t('search.addHint')}</p>}
        </div>
      )}
    </div>
  );
}

function describe(hit: SearchHit, t: TFunction): string {
  const main = hit.type === 'Article' ? (hit.date ?? '') : hit.articles == null ? '' : t('search.articleCount', { count: hit.articles });
  const note = hit.matchedBy === 'PINYIN' ? t('search.byPinyin') : hit.matchedBy === 'ALIAS' ? t('search.byAlias') : '';
  return [main, note].filter(Boolean).join(' · ');
}
