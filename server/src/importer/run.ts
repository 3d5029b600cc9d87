import { createHash } from 'node:crypto';
import type { ArticleInput, InputProblem } from '@guanxi/shared';
import type { Graph } from '../graph/db.ts';
import { upkeepHubs } from '../graph/hub-upkeep.ts';
import { awaitSearchable, storedHashes, writeBatch, type PreparedArticle, type WriteOptions } from '../graph/store.ts';
import type { InputItem } from '../ingest/index.ts';
import { log } from '../log.ts';
import { isConnectionError, shortReason } from '../neo4j/errors.ts';
import type { ExtractionPool } from './pool.ts';

/** Bump when extraction changes, so that re-importing the same input rewrites what it extracts differently. */
export const PIPELINE_VERSION = 'extract-13';

export interface ImportOptions {
  batchSize: number;
  /** Parse and extract, write nothing. */
  dryRun: boolean;
  /** Mixed into each article's hash: a different lexicon means different extraction. */
  extractorFingerprint?: string;
  /** Batches extracted ahead of the one being written; bounds memory. */
  maxInFlight?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** false: write without the connection layer (a benchmark's comparison only; see writeBatch). */
  connections?: boolean;
}

export interface ImportProgress {
  /** Input files (or stdin) begun so far. */
  files: number;
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
  /** Things the user should look at that failed nothing (a bad byte decoded as U+FFFD). */
  warnings: InputProblem[];
  seconds: number;
  /**
   * Set when Neo4j went away and the import stopped early: what happened and how to finish. The
   * counts say what was done before; what was written stays, and a re-run skips it.
   */
  error?: string;
}

export function articleHash(article: ArticleInput, fingerprint = ''): string {
  const { origin: _origin, ...content } = article;
  return createHash('sha1').update(PIPELINE_VERSION).update(fingerprint).update(JSON.stringify(content)).digest('hex');
}

/**
 * Reads, extracts and writes in batches, as a pipeline: while one batch is written, the next ones
 * are extracted in worker threads. Unchanged articles (same hash as stored) are skipped before
 * extraction. Writes are sequential, one transaction a batch; a batch that fails is retried one
 * article at a time, so one bad article costs only itself.
 */
export async function runImport(
  graph: Graph | null,
  items: AsyncIterable<InputItem>,
  pool: ExtractionPool,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    files: 0, read: 0, written: 0, created: 0, updated: 0, unchanged: 0, failed: 0, entities: 0, relations: 0, problems: [], warnings: [], seconds: 0,
  };
  const writing = graph && !options.dryRun ? graph : null;
  const report = () => options.onProgress?.(summary);
  const fail = (problem: InputProblem) => {
    summary.failed++;
    summary.problems.push(problem);
  };
  const inFlight: Promise<void>[] = [];
  let writes: Promise<void> = Promise.resolve();
  let pending: ArticleInput[] = [];
  let lastFile: string | undefined;
  // The hashes of the articles staged by the last few batches: an article given twice in one import
  // may reach `stage` again before its first copy is written, where the stored hashes cannot show it.
  // Older batches are written by then (at most maxInFlight are pending), so the window stays small.
  const recent: Map<string, string>[] = [];
  const window = (options.maxInFlight ?? 3) + 2;

  const stage = async (batch: ArticleInput[]) => {
    const stored = writing ? await storedHashes(writing, batch.map((a) => a.id)) : new Map<string, string>();
    const staged = new Map<string, string>();
    recent.push(staged);
    if (recent.length > window) recent.shift();
    const changed: { article: ArticleInput; hash: string }[] = [];
    const existed = new Set<string>();
    for (const article of batch) {
      const hash = articleHash(article, options.extractorFingerprint);
      const earlier = lastStaged(recent, article.id) ?? stored.get(article.id);
      staged.set(article.id, hash);
      if (earlier === hash) {
        summary.unchanged++;
        continue;
      }
      if (earlier !== undefined) existed.add(article.id);
      changed.push({ article, hash });
    }
    const extracted = pool.extract(changed.map((c) => c.article));
    extracted.catch(() => {}); // awaited by the write; if an earlier write failed, nobody will
    // Writes stay in input order and one at a time: concurrent MERGEs of the same entities would
    // only wait on each other's locks.
    const written = writes.then(async () => {
      const results = await extracted;
      const prepared: PreparedArticle[] = [];
      results.forEach((result, i) => {
        const { article, hash } = changed[i]!;
        if (!result.ok) return fail({ origin: article.origin, reason: result.reason });
        summary.entities += result.extraction.entities.length;
        summary.relations += result.extraction.relations.length;
        prepared.push({ article, extraction: result.extraction, hash });
      });
      // An article stored before, or staged earlier in this import, is updated by its write.
      const count = (done: PreparedArticle[]) => {
        summary.written += done.length;
        for (const { article } of done) summary[existed.has(article.id) ? 'updated' : 'created']++;
      };
      if (writing && prepared.length > 0) await writeWithFallback(writing, prepared, count, fail, { connections: options.connections });
      else count(prepared);
      report();
    });
    written.catch(() => {}); // handled where it is awaited; this only keeps Node from calling it unhandled
    writes = written;
    inFlight.push(written);
    if (inFlight.length > (options.maxInFlight ?? 3)) await inFlight.shift();
  };

  const readAndWrite = async () => {
    try {
      for await (const item of items) {
        const origin = item.kind === 'article' ? item.article.origin : item.problem.origin;
        if (origin.file !== lastFile) {
          lastFile = origin.file;
          summary.files++;
        }
        if (item.kind === 'problem') {
          fail(item.problem);
          report();
          continue;
        }
        if (item.kind === 'warning') {
          summary.warnings.push(item.problem);
          continue;
        }
        summary.read++;
        pending.push(item.article);
        if (pending.length >= options.batchSize) {
          const batch = pending;
          pending = [];
          await stage(batch);
        }
      }
      if (pending.length > 0) await stage(pending);
    } finally {
      // Even when reading failed, what was read is written before the error goes on.
      await Promise.allSettled(inFlight);
    }
    await Promise.all(inFlight);
    if (writing && summary.written > 0 && options.connections !== false) await upkeepHubs(writing);
    // The import is done when what it wrote can be searched.
    if (writing && summary.written > 0) await awaitSearchable(writing);
  };

  try {
    await readAndWrite();
  } catch (error) {
    // Neo4j gone: the driver has retried for GUANXI_NEO4J_RETRY_MS already, and every later batch
    // would fail the same way, so stop here and tell how far it got rather than wait for it.
    if (!writing || !isConnectionError(error)) throw error;
    summary.error =
      `Neo4j at ${writing.options.name ?? 'the configured URI'} went away during the import: ${shortReason(error)}; ` +
      `${summary.written} articles were written before, re-run the same command to finish — it skips what is stored`;
    log.debug({ err: error }, 'import stopped: Neo4j unreachable');
  }
  summary.seconds = (performance.now() - started) / 1000;
  report();
  return summary;
}

function lastStaged(recent: Map<string, string>[], id: string): string | undefined {
  for (let i = recent.length - 1; i >= 0; i--) {
    const hash = recent[i]!.get(id);
    if (hash !== undefined) return hash;
  }
  return undefined;
}

async function writeWithFallback(
  graph: Graph,
  prepared: PreparedArticle[],
  /** Counts articles once they are written. */
  count: (done: PreparedArticle[]) => void,
  fail: (problem: InputProblem) => void,
  write: WriteOptions,
) {
  try {
    await writeBatch(graph, prepared, write);
    count(prepared);
  } catch (error) {
    if (isConnectionError(error)) throw error;
    log.warn({ err: error }, 'batch write failed; retrying its articles one by one');
    for (const one of prepared) {
      try {
        await writeBatch(graph, [one], write);
        count([one]);
      } catch (oneError) {
        if (isConnectionError(oneError)) throw oneError;
        fail({ origin: one.article.origin, reason: `write failed: ${(oneError as Error).message}` });
      }
    }
  }
}
