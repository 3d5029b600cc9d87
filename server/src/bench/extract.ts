/**
 * `npm run bench:extract`: Chinese extraction throughput on one core. The corpus is deterministic:
 * the sample page's articles repeated to about 1 MB of UTF-8 a pass. Dictionary and model loading
 * are done before the clock starts, and one pass warms the JIT up before the passes that count (a
 * long import runs warm; the first megabyte alone runs ~30 % slower). Prints, per pass, MB/s
 * (UTF-8 bytes of input per second of wall time) and MB per CPU-second of this process (GC and JIT
 * threads included), which a loaded machine distorts less; then the median pass.
 *
 * Each pass is run twice: article by article (`extract`, what a caller with one article gets) and
 * as the importer runs it (`extractMany` over batches of 32 articles, importer/extract-one.ts: stage
 * by stage, so each stage's tables stay in cache across the batch).
 *
 * The baseline, run right after each pass on the same text: @node-rs/jieba's own `cut` (its bundled
 * dictionary, HMM on) — the tokenizer alone, the least any Chinese extraction does. The machine's speed
 * swings by 2× within an hour, so the ratio of the two (how many tokenizer passes an extraction costs)
 * is the figure to compare across days.
 *
 * `npm run bench:extract` runs with `--max-semi-space-size=64`, the young generation the importer's
 * extraction workers get (importer/pool.ts): the figures are those of the workers' heap.
 *
 *   npm run bench:extract [-- --passes 5]
 */
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { createExtractor } from '../extract/index.ts';
import { MODEL_PATH, defaultTagger } from '../extract/learn/model.ts';
import { median } from './median.ts';

const { values: args } = parseArgs({ options: { passes: { type: 'string', default: '5' } } });
const PASSES = Math.max(1, Number(args.passes));

const samplePath = fileURLToPath(new URL('../../../samples/gaoxin-2020-05.txt', import.meta.url));
const page = readFileSync(samplePath, 'utf8');
const parts = page.split(/^#{1,2} (.*)$/m);
const articles: Array<{ title: string; body: string }> = [];
for (let i = 1; i < parts.length; i += 2) articles.push({ title: parts[i]!.trim(), body: parts[i + 1]!.trim() });

// The tagger's weights, timed alone (what every extraction worker pays once), then everything else
// loaded by a first extraction.
const loadStarted = performance.now();
const tagger = defaultTagger();
const modelLoadSeconds = (performance.now() - loadStarted) / 1000;
const modelBytes = tagger ? statSync(process.env.GUANXI_NER_MODEL || MODEL_PATH).size : 0;
const extractor = createExtractor();
extractor.extract({ title: '', body: '预热。' });
const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Uint8Array };
const jieba = Jieba.withDict(dict);

const extract = (a: { title: string; body: string }) => void extractor.extract({ ...a, date: '2020-05-08' });
// The importer's path: batches of 32 articles (its batch size), the sample's articles in turn.
const BATCH = 32;
let batch: Array<{ title: string; body: string; date: string }> = [];
const extractBatched = (a: { title: string; body: string }, last: boolean) => {
  batch.push({ ...a, date: '2020-05-08' });
  if (batch.length === BATCH || last) {
    extractor.extractMany(batch);
    batch = [];
  }
};
const cut = (a: { title: string; body: string }) => void jieba.cut(a.body, true);

/** One pass over ~`mb` MB: wall seconds, CPU seconds, bytes and characters. */
function pass(work: (a: { title: string; body: string }, last: boolean) => void = extract, mb = 1) {
  let bytes = 0;
  let chars = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const total = mb * (1 << 20);
  while (bytes < total) {
    for (const a of articles) {
      bytes += Buffer.byteLength(a.body);
      chars += a.body.length;
      work(a, bytes >= total && a === articles[articles.length - 1]);
    }
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes, chars };
}

const line = (label: string, r: ReturnType<typeof pass>) =>
  `${label}: ${(r.bytes / 1e6).toFixed(2)} MB in ${r.seconds.toFixed(2)} s: ${Math.round(r.chars / r.seconds)} chars/s, ` +
  `${(r.bytes / 1e6 / r.seconds).toFixed(2)} MB/s; ${(r.bytes / 1e6 / r.cpuSeconds).toFixed(2)} MB per CPU-second`;

console.log(line('warm-up pass (not counted)', pass()));
console.log(line('warm-up pass, batched (not counted)', pass(extractBatched)));
// The tokenizer is ~30× faster: its passes read 8 MB, so that they last long enough to time.
console.log(line('  jieba cut, warm-up', pass(cut, 8)));
const runs = Array.from({ length: PASSES }, (_, i) => {
  const r = pass();
  console.log(line(`pass ${i + 1}`, r));
  const b = pass(extractBatched);
  console.log(line(`pass ${i + 1}, batched`, b));
  const base = pass(cut, 8);
  console.log(line('  jieba cut alone', base));
  const perByte = (x: ReturnType<typeof pass>) => x.seconds / x.bytes;
  const cpuPerByte = (x: ReturnType<typeof pass>) => x.cpuSeconds / x.bytes;
  return { ...r, ratio: perByte(r) / perByte(base), cpuRatio: cpuPerByte(r) / cpuPerByte(base), batchedCpuRatio: cpuPerByte(b) / cpuPerByte(base), batchedMbps: b.bytes / 1e6 / b.seconds, batchedRatio: perByte(b) / perByte(base), baseMbps: base.bytes / 1e6 / base.seconds };
});
const mbps = median(runs.map((r) => r.bytes / 1e6 / r.seconds));
const perCpu = median(runs.map((r) => r.bytes / 1e6 / r.cpuSeconds));
const ratio = median(runs.map((r) => r.ratio));
const baseMbps = median(runs.map((r) => r.baseMbps));
const batchedMbps = median(runs.map((r) => r.batchedMbps));
const batchedRatio = median(runs.map((r) => r.batchedRatio));
// In CPU time (what each side spent on its core): steadier than wall time when other processes share the cores.
const cpuRatio = median(runs.map((r) => r.cpuRatio));
const batchedCpuRatio = median(runs.map((r) => r.batchedCpuRatio));
// On a shared machine wall time includes waiting for a core; CPU time is what one core spent.
console.log(`median of ${PASSES} passes: ${mbps.toFixed(2)} MB/s, ${perCpu.toFixed(2)} MB per CPU-second (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
console.log(`jieba's cut alone: ${baseMbps.toFixed(2)} MB/s; extraction takes ${ratio.toFixed(2)}× its time article by article, ${batchedRatio.toFixed(2)}× in the importer's batches (${batchedMbps.toFixed(2)} MB/s; medians of the passes' ratios)`);
console.log(`in CPU time: ${cpuRatio.toFixed(2)}× article by article, ${batchedCpuRatio.toFixed(2)}× in batches`);
// Resident memory of this process after the passes: one extraction worker's (jieba's dictionary, the
// gazetteer, the tagger's tables and the warm JIT), with the jieba instance of the baseline besides.
const rssMb = process.memoryUsage().rss / 1e6;
console.log(`tagger: ${tagger ? `${tagger.features} features, ${(modelBytes / 1e6).toFixed(2)} MB on disk, loaded in ${modelLoadSeconds.toFixed(2)} s` : 'none (rules only)'}; resident memory ${rssMb.toFixed(0)} MB`);
console.log(JSON.stringify({ mbPerSecond: Number(mbps.toFixed(2)), mbPerCpuSecond: Number(perCpu.toFixed(2)), jiebaCutMbPerSecond: Number(baseMbps.toFixed(2)), timesJiebaCut: Number(ratio.toFixed(2)), batchedMbPerSecond: Number(batchedMbps.toFixed(2)), batchedTimesJiebaCut: Number(batchedRatio.toFixed(2)), cpuTimesJiebaCut: Number(cpuRatio.toFixed(2)), batchedCpuTimesJiebaCut: Number(batchedCpuRatio.toFixed(2)), passes: PASSES, modelLoadSeconds: Number(modelLoadSeconds.toFixed(2)), modelMb: Number((modelBytes / 1e6).toFixed(2)), rssMb: Math.round(rssMb) }));
