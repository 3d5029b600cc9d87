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
