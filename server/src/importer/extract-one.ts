import type { ArticleInput, Extraction } from '@guanxi/shared';
import type { Extractor } from '../extract/index.ts';
import { extractionFromGiven } from './given.ts';

export interface ExtractJob {
  id: number;
  articles: ArticleInput[];
}

export type ExtractResult = { ok: true; extraction: Extraction } | { ok: false; reason: string };

export interface ExtractReply {
  id: number;
  results: ExtractResult[];
}

/** Entities given with the input are used as given; otherwise the extractor runs. Never throws. */
export function extractOne(extractor: Extractor, article: ArticleInput): ExtractResult {
  try {
    const extraction = article.entities?.length ? extractionFromGiven(article, article.entities) : extractor.extract(article);
    return { ok: true, extraction };
  } catch (error) {
    return { ok: false, reason: `extraction failed: ${(error as Error).message}` };
  }
}

/**
 * `extractOne` for a batch: the articles without given entities go through the extractor together
 * (`extractMany`, stage by stage); if that throws, each is extracted alone, so one bad article fails
 * alone with its own reason.
 */
export function extractAll(extractor: Extractor, articles: ArticleInput[]): ExtractResult[] {
  const toExtract = articles.filter((a) => !a.entities?.length);
  let extracted: Extraction[];
  try {
    extracted = extractor.extractMany(toExtract);
  } catch {
    return articles.map((a) => extractOne(extractor, a));
  }
  // Back in input order, as `extractMany` does; articles with given entities take them as given.
  let next = 0;
  return articles.map((a) => (toExtract[next] === a ? { ok: true, extraction: extracted[next++]! } : extractOne(extractor, a)));
}
