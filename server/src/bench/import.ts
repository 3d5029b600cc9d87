import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleInput } from '@guanxi/shared';
import { createExtractor } from '../extract/index.ts';
import { cypherStatements } from '../graph/cypher.ts';
import { toWriteParams, type PreparedArticle } from '../graph/store.ts';
import { readInputs } from '../ingest/index.ts';
import { ExtractionPool, defaultWorkers } from '../importer/pool.ts';
import { articleHash, runImport } from '../importer/run.ts';
import { writeCorpus as writeCorpusFile } from './corpus.ts';
import { median } from './median.ts';
import { benchNeo4j } from './neo4j.ts';

/**
 * npm run bench:import [-- --articles 20000 --rounds 3 --memory-articles 100000 --batch-size 200 --workers N]
 *
 * In one run, on the same Neo4j: extraction speed on one core; the importer end to end (read
 * JSONL, extract in workers, write) and the ceiling (the same nodes and relationships written by
 * plain UNWIND batches through the driver, extraction done beforehand), in alternating rounds; and
 * the importer's memory from 10,000 to --memory-articles articles.
 *
 * The rounds compare the article graph on both sides: the importer runs without the connection
 * layer, which the ceiling does not write (its pairs are counted by the importer and merged by key,
 * nothing a plain UNWIND does alike). What the layer costs an import is bench:api's `import` part;
 * the memory run imports with it, as `guanxi import` does.
 *
 * Why rounds: Neo4j's JIT keeps speeding its write path up for ~10,000 articles (its CPU per
 * article halves), so whichever side ran second used to win. Each round measures both on the same
 * JVM; the first round warms it up, and the figures are the medians of the later rounds (one run's
 * rounds differ by ±10 %: the machine is shared).
 */
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    'memory-articles': { type: 'string', default: '100000' },
    'batch-size': { type: 'string', default: '200' },
    workers: { type: 'string', default: String(defaultWorkers()) },
  },
});
const N = Number(args.articles);
const ROUNDS = Math.max(1, Number(args.rounds));
const MEMORY_N = Number(args['memory-articles']);
const BATCH = Number(args['batch-size']);
const WORKERS = Number(args.workers);
/** The importer's options in the rounds (and their warm-up): what the ceiling writes, no connection layer. */
const ARTICLE_GRAPH_ONLY = { batchSize: BATCH, dryRun: false, connections: false } as const;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-import-'));

const writeCorpus = (count: number) => writeCorpusFile(count, tmp);

async function readAll(file: string): Promise<ArticleInput[]> {
  const articles: ArticleInput[] = [];
  for await (const item of readInputs([file])) if (item.kind === 'article') articles.push(item.article);
  return articles;
}

const log = (line: string) => console.log(line);

/**
 * CPU spent in a phase by this process (main thread and extraction workers) and by the local Neo4j,
 * in milliseconds per article: the two share the machine's cores, so this says where they went.
 */
interface CpuUse {
  oursMs: number;
  serverMs?: number;
  text: string;
}

function cpuMeter(serverCpu: () => number | undefined): (articles: number) => CpuUse {
  const ours = process.cpuUsage();
  const server = serverCpu();
  return (articles: number) => {
    const used = process.cpuUsage(ours);
    const oursMs = (used.user + used.system) / 1000 / articles;
    const end = serverCpu();
    const serverMs = server !== undefined && end !== undefined ? ((end - server) * 1000) / articles : undefined;
    return { oursMs, serverMs, text: `CPU per article: guanxi ${oursMs.toFixed(2)} ms, Neo4j ${serverMs?.toFixed(2) ?? '?'} ms` };
  };
}
/** The importer's parameters with articles and entities named by id instead of by position. */
function ceilingParams(params: ReturnType<typeof toWriteParams>) {
  const article = (at: number) => params.articles[at]!.id;
  const entity = (at: number) => params.entities[at]!.id;
  return {
    ...params,
    mentions: params.mentions.map((m) => ({ ...m, article: article(m.article), entity: entity(m.entity) })),
    authors: params.authors.map((w) => ({ article: article(w.article), person: entity(w.person) })),
    relations: params.relations.map((r) => ({ ...r, article: article(r.article), from: entity(r.from), to: entity(r.to) })),
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function main() {
  log(`guanxi import benchmark: ${N} articles, batch ${BATCH}, ${WORKERS} extraction workers, ${os.availableParallelism()} cores`);
  const corpus = writeCorpus(N);
  const articles = await readAll(corpus);
  const bodyBytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.body), 0);
  log(`corpus: ${articles.length} articles, ${mb(bodyBytes).toFixed(1)} MB of text (UTF-8)`);

  // 1. Extraction alone, one core; its results feed the ceiling below.
  const extractor = createExtractor();
  let started = performance.now();
  const prepared: PreparedArticle[] = articles.map((article) => ({ article, extraction: extractor.extract(article), hash: articleHash(article) }));
  const extractSeconds = (performance.now() - started) / 1000;
  const extractMBps = mb(bodyBytes) / extractSeconds;
  log(`extraction (1 core): ${extractMBps.toFixed(2)} MB/s, ${(articles.length / extractSeconds).toFixed(0)} articles/s`);

  const neo4j = await benchNeo4j();
  // Each statement gets only the list it unwinds (and the sentences they cite), with nodes named by
  // id, as a plain driver user would send them.
  const statements = cypherStatements('bench/ceiling').map((text) => ({ text, list: /UNWIND \$(\w+)/.exec(text)![1]! }));
  const writeCeiling = async (batch: PreparedArticle[]) => {
    for (let i = 0; i < batch.length; i += BATCH) {
      const params: Record<string, unknown> = ceilingParams(toWriteParams(batch.slice(i, i + BATCH)));
      await neo4j.graph.writeTransaction(async (tx) => {
        for (const { text, list } of statements) await tx.run(text, { [list]: params[list], sentences: params.sentences });
      });
    }
  };
  try {
    // Neo4j compiles queries and warms its JIT on first use: warm it up before measuring either side.
    await neo4j.reset();
    await writeCeiling(prepared.slice(0, Math.min(prepared.length, 2000)));
    const warmPool = new ExtractionPool({ workers: WORKERS });
    await neo4j.reset();
    await runImport(neo4j.graph, readInputs([writeCorpus(Math.min(N, 2000))]), warmPool, ARTICLE_GRAPH_ONLY);
    await warmPool.close();

    const rounds: Array<{ importRate: number; ceilingRate: number; importUse: CpuUse; ceilingUse: CpuUse }> = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // 2. The importer, end to end, writing what the ceiling writes.
      await neo4j.reset();
      const pool = new ExtractionPool({ workers: WORKERS });
      const importCpu = cpuMeter(neo4j.serverCpuSeconds);
      const summary = await runImport(neo4j.graph, readInputs([corpus]), pool, ARTICLE_GRAPH_ONLY);
      await pool.close();
      const importRate = summary.written / summary.seconds;
      const importUse = importCpu(summary.written);
      log(`round ${round}: importer end to end (article graph, no connection layer): ${importRate.toFixed(0)} articles/s (${summary.written} written, ${summary.failed} failed, ${summary.seconds.toFixed(1)} s); ${importUse.text}`);

      // 3. The ceiling: plain UNWIND batches of the same data through the driver.
      await neo4j.reset();
      started = performance.now();
      const ceilingCpu = cpuMeter(neo4j.serverCpuSeconds);
      await writeCeiling(prepared);
      const ceilingRate = prepared.length / ((performance.now() - started) / 1000);
      const ceilingUse = ceilingCpu(prepared.length);
      log(`round ${round}: ceiling (plain UNWIND writes, extraction excluded): ${ceilingRate.toFixed(0)} articles/s; ${ceilingUse.text}`);
      log(`round ${round}: importer / ceiling: ${(importRate / ceilingRate).toFixed(2)}`);
      rounds.push({ importRate, ceilingRate, importUse, ceilingUse });
    }
    const warm = rounds.length > 1 ? rounds.slice(1) : rounds;
    const ofWarm = (pick: (r: (typeof rounds)[number]) => number) => median(warm.map(pick));
    const importRate = ofWarm((r) => r.importRate);
    const ceilingRate = ofWarm((r) => r.ceilingRate);
    const ratio = ofWarm((r) => r.importRate / r.ceilingRate);
    const cpu = (pick: (r: (typeof rounds)[number]) => CpuUse) => ({
      guanxi: round2(ofWarm((r) => pick(r).oursMs)),
      neo4j: warm.every((r) => pick(r).serverMs !== undefined) ? round2(ofWarm((r) => pick(r).serverMs!)) : null,
    });
    log(
      `median of rounds ${rounds.length > 1 ? `2–${rounds.length}` : '1'}: importer ${importRate.toFixed(0)} articles/s, ` +
        `ceiling ${ceilingRate.toFixed(0)} articles/s, importer / ceiling ${ratio.toFixed(2)}`,
    );

    // 4. Memory: RSS at 10,000 articles read and at the end of a MEMORY_N-article import.
    let memory: { at10k: number; atEnd: number } | undefined;
    if (MEMORY_N > 10_000) {
      await neo4j.reset();
      const big = writeCorpus(MEMORY_N);
      let at10k = 0;
      const memoryPool = new ExtractionPool({ workers: WORKERS });
      const big_summary = await runImport(neo4j.graph, readInputs([big]), memoryPool, {
        batchSize: BATCH,
        dryRun: false,
        onProgress: (p) => {
          if (at10k === 0 && p.written >= 10_000) at10k = process.memoryUsage.rss();
        },
      });
      await memoryPool.close();
      memory = { at10k, atEnd: process.memoryUsage.rss() };
      log(
        `memory: RSS ${mb(memory.at10k).toFixed(0)} MB at 10,000 articles, ${mb(memory.atEnd).toFixed(0)} MB at ${big_summary.written} ` +
          `(growth ${mb(memory.atEnd - memory.at10k).toFixed(0)} MB; ${(big_summary.written / big_summary.seconds).toFixed(0)} articles/s)`,
      );
    }
    console.log(
      JSON.stringify({
        articles: N,
        extractMBps: Number(extractMBps.toFixed(2)),
        importArticlesPerSecond: Math.round(importRate),
        ceilingArticlesPerSecond: Math.round(ceilingRate),
        ratio: round2(ratio),
        cpuMsPerArticle: { import: cpu((r) => r.importUse), ceiling: cpu((r) => r.ceilingUse) },
        rssGrowthMB: memory ? Math.round(mb(memory.atEnd - memory.at10k)) : null,
      }),
    );
  } finally {
    await neo4j.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
