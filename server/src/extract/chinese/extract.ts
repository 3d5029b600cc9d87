import type { Extraction } from '@guanxi/shared';
import type { ExtractInput } from '../index.ts';
import { foldWidth } from '../text/fold.ts';
import { splitSentences } from '../text/sentences.ts';
import { combineManyWithTagger, recognizeRules } from './recognize.ts';
import { units } from './units.ts';
import { findBylines } from './bylines.ts';
import { buildExtraction } from './resolve.ts';
import type { Span } from './span.ts';
import type { LexiconMatcher } from '../lexicon.ts';

/**
 * The Chinese pipeline: fold widths (offsets unchanged), split sentences, find bylines, recognize
 * entity spans, then resolve them into entities and relations with evidence.
 */
export function extractChinese(article: ExtractInput, lexicon?: LexiconMatcher): Extraction {
  return extractChineseBatch([article], lexicon)[0]!;
}

/**
 * The same for several articles, stage by stage — all tokenized, then all through the rules, the
 * tagger, the resolution: each stage's tables (jieba's dictionary, the gazetteer, the weights) stay
 * in cache across the batch instead of evicting each other article by article.
 */
export function extractChineseBatch(articles: ExtractInput[], lexicon?: LexiconMatcher): Extraction[] {
  const prepared = articles.map((article) => {
    const folded = foldWidth(article.body);
    const given: Span[] = lexicon ? lexicon.find(folded) : [];
    return { article, folded, given, units: units(folded) };
  });
  const rules = prepared.map((p) => recognizeRules(p.folded, p.given, p.units));
  const recognized = combineManyWithTagger(prepared.map((p, k) => ({ folded: p.folded, given: p.given, rules: rules[k]! }))).map((r) => r.spans);
  return prepared.map(({ article, folded }, k) => {
    const bylines = findBylines(folded);
    const kept = recognized[k]!.filter(
      (s) => !bylines.some((b) => s.start >= b.start && s.end <= b.end) && !(lexicon?.isStopped(folded.slice(s.start, s.end)) || lexicon?.isInsideStop(folded, s.start, s.end)),
    );
    const authors = [...new Set(bylines.flatMap((b) => b.authors))];
    const sentences = splitSentences(article.body);
    return buildExtraction({ body: article.body, folded, title: foldWidth(article.title ?? ''), date: article.date, sentences, spans: kept, authors, lexicon });
  });
}
