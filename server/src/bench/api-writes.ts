import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleInput } from '@guanxi/shared';
import { createExtractor } from '../extract/index.ts';
import { cypher } from '../graph/cypher.ts';
import { applySchema, toWriteParams, writeStatements, type PreparedArticle } from '../graph/store.ts';
import { readInputs } from '../ingest/index.ts';
import { ExtractionPool, defaultWorkers } from '../importer/pool.ts';
import { articleHash, runImport } from '../importer/run.ts';
import { withScratchDb } from './api-collection.ts';
import { writeCorpus } from './corpus.ts';
import { flatten } from './api-profile.ts';

interface Cost {
  ms: number;
  dbHits: number;
  /** db hits by operator, over the batches. */
  operators: Map<string, number>;
}

type Plan = { dbHits: number; children: Plan[] };
const hits = (plan: Plan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hits(child), 0);

/**
 * Where an import's write time goes: `base` articles imported first (so entities and pairs exist,
 * as in a growing collection), then `batches` batches of 200 new ones written statement by statement
 * in writeBatch's order (store.ts), each under PROFILE, timed from the client. The layer's statements
 * beside the write itself.
 */
export async function writeCosts(base: number, batches: number, log: (line: string) => void) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-api-writes-'));
  try {
    const file = writeCorpus(base + batches * 200, tmp);
    const all: ArticleInput[] = [];
    for await (const item of readInputs([file])) if (item.kind === 'article') all.push(item.article);
    const baseFile = path.join(tmp, 'base.jsonl');
    fs.writeFileSync(baseFile, fs.readFileSync(file, 'utf8').split('\n').slice(0, base).join('\n') + '\n');
    const extractor = createExtractor();
    const rest: PreparedArticle[] = all.slice(base).map((article) => ({ article, extraction: extractor.extract(article), hash: articleHash(article) }));
    await withScratchDb(27987, async (db) => {
      await applySchema(db.graph);
      const pool = new ExtractionPool({ workers: defaultWorkers() });
      await runImport(db.graph, readInputs([baseFile]), pool, { batchSize: 200, dryRun: false }).finally(() => pool.close());
      const costs = new Map<string, Cost>();
      for (let b = 0; b < batches; b++) {
        const params = toWriteParams(rest.slice(b * 200, (b + 1) * 200));
        await db.graph.writeTransaction(async (tx) => {
          const run = async (name: string, p: Record<string, unknown>) => {
            const started = performance.now();
            const result = await tx.run(`PROFILE\n${cypher(name)}`, p);
            const cost = costs.get(name) ?? { ms: 0, dbHits: 0, operators: new Map() };
            cost.ms += performance.now() - started;
            if (result.summary.profile) {
              cost.dbHits += hits(result.summary.profile as unknown as Plan);
              for (const op of flatten(result.summary.profile)) {
                const key = `${op.operator} ${op.details}`;
                cost.operators.set(key, (cost.operators.get(key) ?? 0) + op.dbHits);
              }
            }
            costs.set(name, cost);
            return result;
          };
          await writeStatements(run, params, true);
        });
      }
      const total = [...costs.values()].reduce((sum, c) => sum + c.ms, 0);
      log(`write statements over ${batches} batches of 200 new articles after ${base} (ms a batch, share, db hits a batch):`);
      for (const [name, c] of costs) {
        log(`  ${name}: ${(c.ms / batches).toFixed(0)} ms (${((100 * c.ms) / total).toFixed(0)} %), ${Math.round(c.dbHits / batches)} db hits`);
        if (c.dbHits / batches < 20_000) continue;
        for (const [op, n] of [...c.operators].sort((a, b) => b[1] - a[1]).slice(0, 3)) log(`    ${Math.round(n / batches)} db hits: ${op}`);
      }
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
