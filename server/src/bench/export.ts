import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GraphWriter } from '@guanxi/shared';
import { cypher } from '../graph/cypher.ts';
import type { Graph } from '../graph/db.ts';
import { PAIR_SEPARATOR } from '../export/evidence.ts';
import { applySchema } from '../graph/store.ts';
import { EXPORT_FORMATS, FORMAT_INFO, isExportFormat, openExport, type ExportFormat } from '../export/formats.ts';
import { HEAP_GROWING_PERCENT } from '../export/heap.ts';
import { BATCH, FETCH, PAGE, ROWS } from '../export/read.ts';
import { runExport, type ExportProgress } from '../export/run.ts';
import { parseScope } from '../export/scope.ts';
import { collectionDir, openDb } from './api-collection.ts';
import { cpuSeconds, neo4jPid } from './cpu.ts';

/**
 * npm run bench:export [-- --articles 100000 --formats csv,json,… --with-articles --page 20000 --rows 20000 --fetch 500 --batch 250 --heap-growing 50,0 --no-baseline]
 *
 * Exports the kept bench:api collection (built by `npm run bench:api -- --build-only`) whole, in
 * each format, to a temporary folder: elements (nodes + edges) per second, against two baselines in
 * the same run — the export's queries read raw through the driver (the floor), and the export's
 * reading with a writer that drops everything (what it costs before any writing) — and the peaks
 * of this process's RSS, V8 heap (used, total), external memory and ArrayBuffers above their idle
 * values (sampled every 10 ms). Targets: CSV ≥ 50,000 elements/s,
 * every format within 100 MB of idle. PageRank and communities: `npm run bench:analytics`.
 */
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    // Leave out the read-only baseline (when a run measures more formats beside an earlier one).
    'no-baseline': { type: 'boolean', default: false },
    formats: { type: 'string', default: EXPORT_FORMATS.filter((f) => f !== 'cyjs').join(',') },
    'with-articles': { type: 'boolean', default: false },
    page: { type: 'string', default: String(PAGE) },
    rows: { type: 'string', default: String(ROWS) },
    // Rows the driver fetches at once, rows handed to the writer at once.
    fetch: { type: 'string', default: String(FETCH) },
    batch: { type: 'string', default: String(BATCH) },
    // Old-generation growth while exporting (export/heap.ts), a list to compare in one run: each
    // format runs once per value, 0 being V8's own growth; the read-only baseline takes the first.
    'heap-growing': { type: 'string', default: String(HEAP_GROWING_PERCENT) },
  },
});
const N = Number(args.articles);
const growths = args['heap-growing'].split(',').map(Number);
const growthName = (g: number) => (g > 0 ? `heap growth ${g} %` : "V8's own heap growth");
const formats = args.formats.split(',').filter(Boolean);
for (const f of formats) if (!isExportFormat(f)) throw new Error(`unknown format ${f}; use ${EXPORT_FORMATS.join(', ')}`);
const MB = 1024 * 1024;
const log = (line: string) => console.log(line);
const mb = (bytes: number) => (bytes / MB).toFixed(0);
/** A field's peak over its idle value. */
const rise = (r: { idle: Memory; peak: Memory }, f: keyof Memory) => r.peak[f] - r.idle[f];
const memoryLine = (idle: Memory, peak: Memory) =>
  `RSS idle ${mb(idle.rss)} MB, peak +${mb(peak.rss - idle.rss)}; heap used ${mb(idle.heapUsed)} MB, peak +${mb(peak.heapUsed - idle.heapUsed)}; ` +
  `heap total ${mb(idle.heapTotal)} MB, peak +${mb(peak.heapTotal - idle.heapTotal)}; external +${mb(peak.external - idle.external)}, arrayBuffers +${mb(peak.arrayBuffers - idle.arrayBuffers)} MB`;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** What `process.memoryUsage()` reports, each field's own peak (they need not peak together). */
type Memory = Pick<NodeJS.MemoryUsage, 'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers'>;
const FIELDS = ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'] as const;
const memory = (): Memory => {
  const m = process.memoryUsage();
  return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
};

/**
 * Peaks of RSS and of V8's heap (committed and used), external memory and ArrayBuffers while `work`
 * runs, sampled often (a timer, so a busy loop would hide a peak: the export awaits I/O every page).
 * Set beside RSS they tell live data (heap used) from heap V8 has grown and keeps (heap total) and
 * from Buffers outside the heap (external, arrayBuffers: the driver's and the streams' bytes).
 */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peak: Memory }> {
  const peak = memory();
  const sample = () => {
    const now = memory();
    for (const f of FIELDS) peak[f] = Math.max(peak[f], now[f]);
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The floor under any export: the whole export's queries (export/entities-page, co-mentions-page,
 * relations-page), each as one page and one transaction, straight through the driver with a big
 * fetch, rows counted and dropped — no folding, no evidence lookups, no writer. Its elements are the
 * rows read (relation statements, not the edges they fold into).
 */
async function rawRead(graph: Graph): Promise<{ nodes: number; edges: number }> {
  const params = { after: '', page: 1e9, types: null, from: null, to: null, separator: PAIR_SEPARATOR };
  const count = async (query: string) => {
    const session = graph.driver.session({ database: graph.database, fetchSize: 10_000 });
    const cpuBefore = cpuSeconds(neo4jPid(collectionDir(N)));
    const started = performance.now();
    try {
      const rows = await session.executeRead(async (tx) => {
        let n = 0;
        for await (const record of tx.run(cypher(query), params)) if (record.length > 0) n++;
        return n;
      });
      // Which query Neo4j's time goes to: where cheaper reads would pay.
      const cpu = cpuSeconds(neo4jPid(collectionDir(N)));
      const seconds = (performance.now() - started) / 1000;
      log(`  raw ${query}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)}/s), CPU ${(cpu.node - cpuBefore.node).toFixed(0)} s here + ${(cpu.neo4j - cpuBefore.neo4j).toFixed(0)} s Neo4j`);
      return rows;
    } finally {
      await session.close();
    }
  };
  const nodes = await count('export/entities-page');
  const edges = (await count('export/co-mentions-page')) + (await count('export/relations-page'));
  return { nodes, edges };
}

const discard: GraphWriter = { begin: async () => {}, nodes: async () => {}, edges: async () => {}, end: async () => {} };

interface Row {
  name: string;
  elements: number;
  seconds: number;
  idle: Memory;
  peak: Memory;
  bytes: number;
  cpu: { node: number; neo4j: number };
}

const db = await openDb(collectionDir(N), 27887);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guanxi-bench-export-'));
try {
  const [marker] = await db.graph.read<{ articles: number }>(cypher('bench/api-marker'));
  if (marker?.articles !== N) throw new Error(`no complete ${N}-article collection in ${collectionDir(N)}: run npm run bench:api -- --articles ${N} --build-only`);
  await applySchema(db.graph);
  const scope = parseScope({ articles: args['with-articles'] });
  const page = Number(args.page);
  const readRows = Number(args.rows);
  const fetchSize = Number(args.fetch);
  const batch = Number(args.batch);
  log(
    `bench:export — ${N} articles, whole collection${scope.articles ? ' with articles' : ', connection graph'}, pages of ${page} entities, reads of ${readRows} co-mentions, ` +
      `fetch ${fetchSize}, batch ${batch}, ${growths.map(growthName).join(' / ')}; load ${load()}`,
  );

  const rows: Row[] = [];
  const run = async (name: string, format: ExportFormat | null | 'raw', heapGrowingPercent = growths[0]) => {
    (globalThis as { gc?: () => void }).gc?.();
    const idle = memory();
    const file = path.join(tmp, format === 'csv' ? 'csv' : `graph.${format && format !== 'raw' ? FORMAT_INFO[format].ext : 'none'}`);
    const cpuBefore = cpuSeconds(neo4jPid(collectionDir(N)));
    const started = performance.now();
    let said = started;
    const onProgress = (p: ExportProgress) => {
      if (performance.now() - said < 15_000) return;
      said = performance.now();
      log(`  … ${name}: ${p.nodes} nodes, ${p.edges} edges, ${Math.round((p.nodes + p.edges) / ((said - started) / 1000))} elements/s, ${((100 * p.visited) / p.total).toFixed(0)} %`);
    };
    const { result, peak } = await peakMemory(async () => {
      if (format === 'raw') return rawRead(db.graph);
      if (!format) return runExport(db.graph, scope, discard, { collection: 'bench', page, rows: readRows, fetchSize, batch, heapGrowingPercent, onProgress });
      const out = openExport(format, format === 'csv' ? { folder: file } : { stream: fs.createWriteStream(file) });
      const summary = await runExport(db.graph, scope, out.writer, { collection: 'bench', page, rows: readRows, fetchSize, batch, heapGrowingPercent, onProgress });
      await out.close();
      return summary;
    });
    const seconds = (performance.now() - started) / 1000;
    const bytes = !format || format === 'raw' ? 0 : format === 'csv' ? fs.readdirSync(file).reduce((sum, f) => sum + fs.statSync(path.join(file, f)).size, 0) : fs.statSync(file).size;
    const cpuAfter = cpuSeconds(neo4jPid(collectionDir(N)));
    const cpu = { node: cpuAfter.node - cpuBefore.node, neo4j: cpuAfter.neo4j - cpuBefore.neo4j };
    const row = { name, elements: result.nodes + result.edges, seconds, idle, peak, bytes, cpu };
    rows.push(row);
    log(
      `${name.padEnd(22)} ${result.nodes} nodes + ${result.edges} edges in ${seconds.toFixed(1)} s: ${Math.round(row.elements / seconds)} elements/s; ` +
        `CPU ${cpu.node.toFixed(0)} s here + ${cpu.neo4j.toFixed(0)} s Neo4j; ${memoryLine(idle, peak)}; ${(bytes / MB).toFixed(0)} MB written; load ${load()}`,
    );
    fs.rmSync(file, { recursive: true, force: true });
  };

  if (!args['no-baseline']) {
    await run('raw driver read (floor)', 'raw');
    await run('read only (baseline)', null);
  }
  for (const format of formats as ExportFormat[]) {
    for (const g of growths) await run(growths.length > 1 ? `${format}, ${growthName(g)}` : format, format, g);
  }

  const base = rows.find((r) => r.name.startsWith('read only')) ?? rows[0]!;
  const raw = rows.find((r) => r.name.startsWith('raw'));
  log('\n| export | elements | seconds | elements/s | × raw read | × baseline | CPU s (Node + Neo4j) | elements per CPU s | peak RSS over idle | heap used / total | external / arrayBuffers | written |');
  log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const rate = r.elements / r.seconds;
    log(
      `| ${r.name} | ${r.elements.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString('en')} | ` +
        `${raw ? (rate / (raw.elements / raw.seconds)).toFixed(2) : ''} | ` +
        `${(rate / (base.elements / base.seconds)).toFixed(2)} | ${r.cpu.node.toFixed(0)} + ${r.cpu.neo4j.toFixed(0)} | ` +
        `${Math.round(r.elements / (r.cpu.node + r.cpu.neo4j)).toLocaleString('en')} | +${mb(rise(r, 'rss'))} MB | +${mb(rise(r, 'heapUsed'))} / +${mb(rise(r, 'heapTotal'))} MB | +${mb(rise(r, 'external'))} / +${mb(rise(r, 'arrayBuffers'))} MB | ${mb(r.bytes)} MB |`,
    );
  }
  const csv = rows.find((r) => r.name.startsWith('csv'));
  if (csv) log(`\nCSV: ${Math.round(csv.elements / csv.seconds).toLocaleString('en')} elements/s (target ≥ 50,000)`);
  const worst = rows.reduce((w, r) => (rise(r, 'rss') > rise(w, 'rss') ? r : w));
  log(`largest RSS rise: ${worst.name}, +${mb(rise(worst, 'rss'))} MB (target ≤ 100 MB)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
}
