import { useEffect, useState } from 'react';
import type { NodeType } from '@guanxi/shared';
import { search, type SearchHit } from './queries.ts';
import { errorMessage, isAbort } from './graphql.ts';

export interface SearchState {
  /** The text the shown results are for (trimmed). */
  query: string;
  hits: SearchHit[] | undefined;
  loading: boolean;
  error: string | undefined;
  /** Search now instead of waiting for the debounce (Enter). */
  submit: () => void;
}

const DEBOUNCE_MS = 300;
const RESULT_COUNT = 30;

/** Search-as-you-type with a debounce; older requests are cancelled, so results never flicker back. */
export function useSearch(text: string, type: NodeType | null): SearchState {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ hits?: SearchHit[]; loading: boolean; error?: string }>({ loading: false });

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (!query) {
      setResult({ loading: false });
      return;
    }
    const controller = new AbortController();
    setResult((r) => ({ hits: r.hits, loading: true }));
    search(query, type ? [type] : null, RESULT_COUNT, controller.signal).then(
      (hits) => setResult({ hits, loading: false }),
      (error: unknown) => {
        if (!isAbort(error)) setResult({ loading: false, error: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [query, type]);

  return { query, ...result, hits: result.hits, error: result.error, submit: () => setQuery(text.trim()) };
}
