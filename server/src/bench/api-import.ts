import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInputs } from '../ingest/index.ts';
import { ExtractionPool, defaultWorkers } from '../importer/pool.ts';
import { runImport } from '../importer/run.ts';
import { withScratchDb, type BenchDb } from './api-collection.ts';
import { writeCorpus } from './corpus.ts';
import { cpuSeconds, neo4jPid } from './cpu.ts';
import { median } from './median.ts';
import { resetBenchDatabase } from './neo4j.ts';

interface Rate {
  /** Articles a second, wall clock. */
  rate: number;
  /** CPU milliseconds an article: this process with its extraction workers, and Neo4j. */
  nodeMs: number;
  neo4jMs: number;
}

async function importRate(db: BenchDb, file: string, connections: boolean): Promise<Rate> {
  await resetBenchDatabase(db.graph);
  const pool = new ExtractionPool({ workers: defaultWorkers() });
  try {
    const pid = neo4jPid(db.dataDir);
    const before = cpuSeconds(pid);
    const summary = await runImport(db.graph, readInputs([file]), pool, { batchSize: 200, dryRun: false, connections });
    const after = cpuSeconds(pid);
    if (summary.failed > 0) throw new Error(`${summary.failed} articles failed to import`);
    return {
      rate: summary.written / summary.seconds,
      nodeMs: (1000 * (after.node - before.node)) / summary.written,
      neo4jMs: (1000 * (after.neo4j - before.neo4j)) / summary.written,
    };
  } finally {
    await pool.close();
  }
}

/**
 * The importer with and without the connection layer on a scratch Neo4j, in alternating rounds on
 * one JVM (which side goes first flips each round); the first round warms it up and is not counted
 * when there are more. Beside the rates, the CPU an article costs on each side: on a busy machine
 * the rates swing with the neighbours (extraction starved of CPU hides the writes' cost), the CPU
 * time much less.
 */
export async function importComparison(articles: number, rounds: number, log: (line: string) => void) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-api-import-'));
  try {
    const file = writeCorpus(articles, tmp);
    return await withScratchDb(27887, async (db) => {
      const results: Array<{ with: Rate; without: Rate }> = [];
      const cpu = (r: Rate) => `${r.nodeMs.toFixed(2)} + ${r.neo4jMs.toFixed(2)} ms`;
      for (let round = 1; round <= rounds; round++) {
        const order = round % 2 === 1 ? [true, false] : [false, true];
        const rate: Record<string, Rate> = {};
        for (const layer of order) rate[String(layer)] = await importRate(db, file, layer);
        const [on, off] = [rate.true!, rate.false!];
        results.push({ with: on, without: off });
        log(
          `  round ${round}: with the layer ${on.rate.toFixed(0)} articles/s, without ${off.rate.toFixed(0)}, ratio ${(on.rate / off.rate).toFixed(2)}; ` +
            `CPU an article (importer + Neo4j) ${cpu(on)} with, ${cpu(off)} without; load average ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
      const counted = results.length > 1 ? results.slice(1) : results;
      const total = (r: Rate) => r.nodeMs + r.neo4jMs;
      return {
        with: median(counted.map((r) => r.with.rate)),
        without: median(counted.map((r) => r.without.rate)),
        ratio: median(counted.map((r) => r.with.rate / r.without.rate)),
        // Rate the CPU alone would allow, with over without: the ratio an idle machine approaches.
        cpuRatio: median(counted.map((r) => total(r.without) / total(r.with))),
        neo4jCpuRatio: median(counted.map((r) => r.without.neo4jMs / r.with.neo4jMs)),
        rounds: counted.length,
      };
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
