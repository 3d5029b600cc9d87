import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, loadConfig } from '../config.ts';
import { cypher } from '../graph/cypher.ts';
import { Graph } from '../graph/db.ts';
import { applySchema } from '../graph/store.ts';
import { readInputs } from '../ingest/index.ts';
import { ExtractionPool, defaultWorkers } from '../importer/pool.ts';
import { runImport } from '../importer/run.ts';
import { createDriver } from '../neo4j/connect.ts';
import { portAnswers, startEmbedded, stopEmbedded } from '../neo4j/embedded.ts';
import { writeCorpus } from './corpus.ts';
import { resetBenchDatabase } from './neo4j.ts';

/**
 * Kept between runs: building 100,000 articles takes long, reading them back takes seconds. One
 * folder a size, so trying a small collection does not empty the large one.
 */
export const collectionDir = (articles: number) => path.join(ROOT, '.data', 'bench-api', String(articles));

export interface BenchDb {
  graph: Graph;
  uri: string;
  /** The embedded server's folder (none for NEO4J_URI's server). */
  dataDir?: string;
  close(): Promise<void>;
}

/** A free loopback port from `from` up: other worktrees' servers may hold the usual ones. */
export async function freePort(from: number): Promise<number> {
  let port = from;
  while (await portAnswers(port, 200)) port++;
  return port;
}

/** NEO4J_URI's server if set, else an embedded one on `dataDir` (sized as bench/neo4j.ts sizes it). */
export async function openDb(dataDir: string, firstPort: number, embedded = false): Promise<BenchDb> {
  let uri = embedded ? undefined : process.env.NEO4J_URI;
  const own = !uri;
  let stop = async () => {};
  if (!uri) {
    fs.mkdirSync(dataDir, { recursive: true });
    const server = await startEmbedded({ dataDir, port: await freePort(firstPort), heapMb: 1024, pageCacheMb: 512 });
    uri = server.uri;
    if (server.started) stop = async () => void (await stopEmbedded({ dataDir }));
  }
  // The product's driver (its pool, timeouts and retries), so the server under test is guanxi serve's.
  const driver = createDriver(uri, loadConfig());
  return {
    graph: new Graph(driver, embedded ? undefined : process.env.NEO4J_DATABASE),
    uri,
    dataDir: own ? dataDir : undefined,
    async close() {
      await driver.close();
      await stop();
    },
  };
}


export interface BuildResult {
  reused: boolean;
  articles: number;
  seconds?: number;
}

/**
 * The collection of `count` articles in `db`: reused if its marker says it is complete at that size,
 * else emptied and imported (schema, then runImport with the CLI's defaults), and marked last.
 */
export async function ensureCollection(db: BenchDb, count: number, rebuild: boolean, log: (line: string) => void): Promise<BuildResult> {
  const [marker] = await db.graph.read<{ articles: number }>(cypher('bench/api-marker'));
  if (!rebuild && marker?.articles === count) {
    // A kept collection gets the schema of the code measuring it, as `guanxi serve` would give it:
    // without the indexes (and keys) a later version added, its queries would scan.
    await applySchema(db.graph);
    return { reused: true, articles: count };
  }
  log(`building the collection: ${count} articles (${marker ? `marker says ${marker.articles}` : 'no marker'}; emptying first)`);
  await resetBenchDatabase(db.graph);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-api-'));
  const pool = new ExtractionPool({ workers: defaultWorkers() });
  try {
    const file = writeCorpus(count, tmp);
    let next = 10_000;
    const summary = await runImport(db.graph, readInputs([file]), pool, {
      batchSize: 200,
      dryRun: false,
      onProgress: (p) => {
        if (p.written >= next) {
          log(`  ${p.written} written`);
          next += 10_000;
        }
      },
    });
    if (summary.failed > 0) throw new Error(`${summary.failed} articles failed to import`);
    await db.graph.write(cypher('bench/api-set-marker'), { articles: count });
    return { reused: false, articles: summary.written, seconds: summary.seconds };
  } finally {
    await pool.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Runs `work` with an embedded Neo4j in a fresh temporary folder, removed afterwards; embedded even
 * when NEO4J_URI is set, so the scratch imports never empty the collection.
 */
export async function withScratchDb<T>(firstPort: number, work: (db: BenchDb) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-api-scratch-'));
  const db = await openDb(dir, firstPort, true);
  try {
    return await work(db);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
