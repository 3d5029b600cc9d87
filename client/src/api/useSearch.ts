import { useEffect, useState } from 'react';
import type { NodeType } from '@guanxi/shared';
import { search, type SearchHit } from './queries.ts';
import { isAbort } from './graphql.ts';

export interface SearchState {
  /** The text the shown results are for (trimmed). */
  query: string;
  hits: SearchHit[] | undefined;
  /** A request for newer text is running: the shown hits are stale. */
  loading: boolean;
  error: unknown;
  /** Search now instead of waiting for the debounce (Enter). */
  submit: () => void;
  /** Run the same search again (after an error). */
  retry: () => void;
}

const DEBOUNCE_MS = 250;
const RESULT_COUNT = 30;

/** Search-as-you-type with a debounce; older requests are cancelled, so results never flicker back. */
export function useSearch(text: string, type: NodeType | null): SearchState {
  const [query, setQuery] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ hits?: SearchHit[]; loading: boolean; error?: unknown; for: string }>({ loading: false, for: '' });

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (!query) {
      setResult({ loading: false, for: '' });
      return;
    }
    const controller = new AbortController();
    setResult((r) => ({ hits: r.hits, loading: true, for: r.for }));
    search(query, type ? [type] : null, RESULT_COUNT, controller.signal).then(
      (hits) => setResult({ hits, loading: false, for: query }),
      (error: unknown) => {
        if (!isAbort(error)) setResult({ loading: false, error, for: query });
      },
    );
    return () => controller.abort();
  }, [query, type, attempt]);

  // Shown results are stale unless they answer exactly the text in the box: typed but not yet sent
  // (debounce), or sent and not yet answered.
  const current = text.trim();
  return {
    query: result.for,
    hits: result.hits,
    loading: current !== '' && (result.loading || result.for !== current),
    error: result.error,
    submit: () => setQuery(text.trim()),
    retry: () => setAttempt((n) => n + 1),
  };
}
