import { createHash } from 'node:crypto';
import type { ArticleInput, Extraction, InputProblem } from '@guanxi/shared';
import type { Extractor } from '../extract/index.ts';
import type { Graph } from '../graph/db.ts';
import { storedHashes, writeBatch, type PreparedArticle } from '../graph/store.ts';
import type { InputItem } from '../ingest/index.ts';
import { log } from '../log.ts';
import { isConnectionError } from '../neo4j/errors.ts';
import { extractionFromGiven } from './given.ts';

/** Bump when extraction changes, so that re-importing the same input rewrites what it extracts differently. */
export const PIPELINE_VERSION = 'extract-1';

export interface ImportOptions {
  batchSize: number;
  /** Parse and extract, write nothing. */
  dryRun: boolean;
  /** Mixed into each article's hash: a different lexicon means different extraction. */
  extractorFingerprint?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  read: number;
  written: number;
  unchanged: number;
  failed: number;
  entities: number;
  relations: number;
}

export interface ImportSummary extends ImportProgress {
  created: number;
  updated: number;
  problems: InputProblem[];
  seconds: number;
}

export function articleHash(article: ArticleInput, fingerprint = ''): string {
  const { origin: _origin, ...content } = article;
  return createHash('sha1').update(PIPELINE_VERSION).update(fingerprint).update(JSON.stringify(content)).digest('hex');
}

function extractArticle(extractor: Extractor, article: ArticleInput): Extraction {
  if (article.entities?.length) return extractionFromGiven(article, article.entities);
  return extractor.extract(article);
}

/**
 * Reads, extracts and writes in batches. Unchanged articles (same hash as stored) are skipped
 * before extraction; a batch that fails to write is retried one article at a time, so one bad
 * article costs only itself.
 */
export async function runImport(
  graph: Graph | null,
  items: AsyncIterable<InputItem>,
  extractor: Extractor,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    read: 0, written: 0, created: 0, updated: 0, unchanged: 0, failed: 0, entities: 0, relations: 0, problems: [], seconds: 0,
  };
  const report = () => options.onProgress?.(summary);
  let pending: ArticleInput[] = [];

  const fail = (article: ArticleInput, error: unknown) => {
    summary.failed++;
    summary.problems.push({ origin: article.origin, reason: (error as Error).message });
  };

  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const stored = graph && !options.dryRun ? await storedHashes(graph, batch.map((a) => a.id)) : new Map<string, string>();
    const prepared: PreparedArticle[] = [];
    for (const article of batch) {
      const hash = articleHash(article, options.extractorFingerprint);
      if (stored.get(article.id) === hash) {
        summary.unchanged++;
        continue;
      }
      try {
        prepared.push({ article, extraction: extractArticle(extractor, article), hash });
      } catch (error) {
        fail(article, error);
      }
    }
    for (const { extraction } of prepared) {
      summary.entities += extraction.entities.length;
      summary.relations += extraction.relations.length;
    }
    if (graph && !options.dryRun && prepared.length > 0) {
      await writeWithFallback(graph, prepared, stored, summary, fail);
    } else {
      summary.written += prepared.length;
      summary.created += prepared.length;
    }
    report();
  };

  for await (const item of items) {
    if (item.kind === 'problem') {
      summary.failed++;
      summary.problems.push(item.problem);
      report();
      continue;
    }
    summary.read++;
    pending.push(item.article);
    if (pending.length >= options.batchSize) await flush();
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  report();
  return summary;
}

async function writeWithFallback(
  graph: Graph,
  prepared: PreparedArticle[],
  stored: Map<string, string>,
  summary: ImportSummary,
  fail: (article: ArticleInput, error: unknown) => void,
) {
  const count = (done: PreparedArticle[]) => {
    summary.written += done.length;
    for (const { article } of done) {
      if (stored.has(article.id)) summary.updated++;
      else summary.created++;
    }
  };
  try {
    await writeBatch(graph, prepared);
    count(prepared);
  } catch (error) {
    if (isConnectionError(error)) throw error;
    log.warn({ err: error }, 'batch write failed; retrying its articles one by one');
    for (const one of prepared) {
      try {
        await writeBatch(graph, [one]);
        count([one]);
      } catch (oneError) {
        if (isConnectionError(oneError)) throw oneError;
        fail(one.article, oneError);
      }
    }
  }
}
