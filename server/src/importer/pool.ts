import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '@guanxi/shared';
import { createExtractor, loadLexicon } from '../extract/index.ts';
import { extractAll, type ExtractReply, type ExtractResult } from './extract-one.ts';

export interface PoolOptions {
  /** Worker threads; 0 extracts on the calling thread. */
  workers: number;
  lexiconFile?: string;
}

/** Leaves a core for reading, the driver and (when embedded) Neo4j itself. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * Compiled (server/dist, the CLI) a worker runs extract-worker.js directly. Run from the sources
 * (Vitest, tsx) it needs tsx's loader, which worker threads do not inherit, and the source condition
 * that makes @guanxi/shared resolve to shared/src rather than its compiled copy.
 */
function startWorker(lexiconFile: string | undefined): Worker {
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./extract-worker.js', import.meta.url), { workerData: { lexiconFile }, resourceLimits: EXTRACTION_HEAP });
  }
  return new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./extract-worker.ts', import.meta.url).href, lexiconFile },
    execArgv: [...process.execArgv, '--conditions=guanxi-source'],
    resourceLimits: EXTRACTION_HEAP,
  });
}

/**
 * Extraction allocates ~200 bytes a character of short-lived objects: a young generation of 192 MB
 * (semi-spaces of 64 MB, V8's default 16) scavenges a quarter as often, and extraction took 0.86–0.90×
 * the CPU time (four alternating process pairs on the sample page; `bench:extract` runs with the same
 * `--max-semi-space-size=64`). The semi-spaces grow only as far as they are used.
 */
const EXTRACTION_HEAP = { maxYoungGenerationSizeMb: 192 };

/**
 * Extraction off the main thread, so that reading and writing to Neo4j go on while articles are
 * being extracted. Batches go to the least busy worker; results come back in order per batch.
 */
export class ExtractionPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly waiting = new Map<number, { resolve: (r: ExtractResult[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private readonly local?: ReturnType<typeof createExtractor>;

  constructor(options: PoolOptions) {
    if (options.workers === 0) {
      this.local = createExtractor(options.lexiconFile ? { lexicon: loadLexicon(options.lexiconFile) } : {});
      return;
    }
    for (let i = 0; i < options.workers; i++) {
      const worker = startWorker(options.lexiconFile);
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: ExtractReply) => {
        slot.busy--;
        this.waiting.get(reply.id)?.resolve(reply.results);
        this.waiting.delete(reply.id);
      });
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(slot);
    }
  }

  extract(articles: ArticleInput[]): Promise<ExtractResult[]> {
    if (this.local) return Promise.resolve(extractAll(this.local, articles));
    if (articles.length === 0) return Promise.resolve([]);
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, articles });
    });
  }

  private failAll(error: Error) {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
