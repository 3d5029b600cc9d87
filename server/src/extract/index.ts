import type { ArticleInput, Extraction } from '@guanxi/shared';
import { extractChinese } from './chinese/extract.ts';
import { extractEnglish } from './english.ts';
import { detectLanguage } from './text/fold.ts';
import { LexiconMatcher, type Lexicon } from './lexicon.ts';

export { loadLexicon, parseLexicon, type Lexicon } from './lexicon.ts';
export { detectLanguage } from './text/fold.ts';

/** What an extractor sees of an article. Offsets in the result index into `body`. */
export type ExtractInput = Pick<ArticleInput, 'title' | 'body' | 'lang' | 'date'>;

/**
 * Turns an article into entities, relations and authors. Pure and synchronous, so it can run in
 * worker threads and be tested without a database.
 */
export interface Extractor {
  extract(article: ExtractInput): Extraction;
}

export interface ExtractorOptions {
  /** The user's own entities and stop list, honoured before any rule. */
  lexicon?: Lexicon;
}

/**
 * The extractor for an article's language: the given `lang`, else detected from the text
 * (Han characters → Chinese rules, otherwise English via compromise). Dictionaries and the
 * gazetteer load on first use and are shared by every extractor in the thread.
 */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const matcher = options.lexicon ? new LexiconMatcher(options.lexicon) : undefined;
  return {
    extract(article) {
      const lang = article.lang?.toLowerCase().startsWith('zh') ? 'zh' : article.lang?.toLowerCase().startsWith('en') ? 'en' : detectLanguage(`${article.title ?? ''}\n${article.body}`);
      return lang === 'zh' ? extractChinese(article, matcher) : extractEnglish(article, matcher);
    },
  };
}
