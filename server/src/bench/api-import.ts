import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInputs } from '../ingest/index.ts';
import { ExtractionPool, defaultWorkers } from '../importer/pool.ts';
import { runImport } from '../importer/run.ts';
import { withScratchDb, type BenchDb } from './api-collection.ts';
import { writeCorpus } from './corpus.ts';
import { median } from './median.ts';
import { resetBenchDatabase } from './neo4j.ts';

async function importRate(db: BenchDb, file: string, connections: boolean): Promise<number> {
  await resetBenchDatabase(db.graph);
  const pool = new ExtractionPool({ workers: defaultWorkers() });
  try {
    const summary = await runImport(db.graph, readInputs([file]), pool, { batchSize: 200, dryRun: false, connections });
    if (summary.failed > 0) throw new Error(`${summary.failed} articles failed to import`);
    return summary.written / summary.seconds;
  } finally {
    await pool.close();
  }
}

/**
 * The importer with and without the connection layer on a scratch Neo4j, in alternating rounds on
 * one JVM (which side goes first flips each round); the first round warms it up and is not counted
 * when there are more.
 */
export async function importComparison(articles: number, rounds: number, log: (line: string) => void) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-api-import-'));
  try {
    const file = writeCorpus(articles, tmp);
    return await withScratchDb(27887, async (db) => {
      const results: Array<{ with: number; without: number }> = [];
      for (let round = 1; round <= rounds; round++) {
        const order = round % 2 === 1 ? [true, false] : [false, true];
        const rate: Record<string, number> = {};
        for (const layer of order) rate[String(layer)] = await importRate(db, file, layer);
        results.push({ with: rate.true!, without: rate.false! });
        log(`  round ${round}: with the layer ${rate.true!.toFixed(0)} articles/s, without ${rate.false!.toFixed(0)}, ratio ${(rate.true! / rate.false!).toFixed(2)}`);
      }
      const counted = results.length > 1 ? results.slice(1) : results;
      return {
        with: median(counted.map((r) => r.with)),
        without: median(counted.map((r) => r.without)),
        ratio: median(counted.map((r) => r.with / r.without)),
        rounds: counted.length,
      };
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
