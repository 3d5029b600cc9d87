import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/** Articles a page at a time: newest first, of a source, naming some entities, or matching text. */

export interface ArticleFilter {
  /** Lucene query built from the user's words (see luceneQuery), or null. */
  query: string | null;
  from: string | null;
  to: string | null;
  entityIds: string[];
  source: string | null;
}

export interface ListedArticle {
  id: string;
  /** sortDate (date order) or full-text score (text search): what the cursor carries. */
  value: string | number;
}

/** Above every sortDate, which is a date or a date-time: the open upper bound. */
const AFTER_ALL_DATES = '\uffff';

/**
 * `after` is the last row's [sortDate, id] for date order, or [offset] for text search.
 * Fetches `first` rows (callers ask for one more than a page, to know if there is a next one).
 */
export function listArticles(graph: Graph, filter: ArticleFilter, first: number, after: unknown[] | null): Promise<ListedArticle[]> {
  const from = filter.from ?? '';
  // sortDate may carry a time after the day: '~' sorts after it and before the next day.
  const to = filter.to ? `${filter.to}~` : AFTER_ALL_DATES;
  if (filter.query) {
    const offset = typeof after?.[0] === 'number' ? after[0] : 0;
    return graph.read(cypher('api/articles-by-text'), {
      query: filter.query, from, k: to, source: filter.source, entityIds: filter.entityIds, offset, first,
    });
  }
  const [k, id] = (after as [string, string] | null) ?? [to, ''];
  const params = { from, k: k > to ? to : k, id, source: filter.source, entityIds: filter.entityIds, first };
  if (filter.entityIds.length > 0) return graph.read(cypher('api/articles-of-entities'), params);
  return graph.read(cypher(filter.source ? 'api/articles-of-source-recent' : 'api/articles-recent'), params);
}
