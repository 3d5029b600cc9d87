import type { Extraction } from '@guanxi/shared';
import type { ExtractInput } from '../index.ts';
import { foldWidth } from '../text/fold.ts';
import { splitSentences } from '../text/sentences.ts';
import { recognize } from './recognize.ts';
import { findBylines } from './bylines.ts';
import { buildExtraction } from './resolve.ts';
import type { Span } from './span.ts';
import type { LexiconMatcher } from '../lexicon.ts';

/**
 * The Chinese pipeline: fold widths (offsets unchanged), split sentences, find bylines, recognize
 * entity spans, then resolve them into entities and relations with evidence.
 */
export function extractChinese(article: ExtractInput, lexicon?: LexiconMatcher): Extraction {
  const body = article.body;
  const folded = foldWidth(body);
  const sentences = splitSentences(body);
  const bylines = findBylines(folded);
  const given: Span[] = lexicon ? lexicon.find(folded) : [];
  const { spans } = recognize(folded, given);
  const inByline = (s: Span) => bylines.some((b) => s.start >= b.start && s.end <= b.end);
  const kept = spans.filter((s) => !inByline(s) && !(lexicon?.isStopped(folded.slice(s.start, s.end)) || lexicon?.isInsideStop(folded, s.start, s.end)));
  const authors = [...new Set(bylines.flatMap((b) => b.authors))];
  return buildExtraction({ body, folded, title: foldWidth(article.title ?? ''), date: article.date, sentences, spans: kept, authors, lexicon });
}
