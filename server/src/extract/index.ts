import type { ArticleInput, Extraction } from '@guanxi/shared';

/** What an extractor sees of an article. Offsets in the result index into `body`. */
export type ExtractInput = Pick<ArticleInput, 'title' | 'body' | 'lang' | 'date'>;

/**
 * Turns an article into entities, relations and authors. Pure and synchronous, so it can run in
 * worker threads and be tested without a database.
 */
export interface Extractor {
  extract(article: ExtractInput): Extraction;
}
