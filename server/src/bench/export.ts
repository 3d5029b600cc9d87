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
import { inLanes } from '../export/lanes.ts';
import { BATCH, END_OF_KEYS, FETCH, PAGE, PARALLEL, ranges, READ_AHEAD, ROWS, splitPoints } from '../export/read.ts';
import { runExport, type ExportProgress } from '../export/run.ts';
import { parseScope } from '../export/scope.ts';
import { collectionDir, openDb } from './api-collection.ts';
import { cpuSeconds, neo4jPid } from './cpu.ts';

/**
 * npm run bench:export [-- --articles 100000 --formats csv,json,… --with-articles --page 20000 --rows 20000 --fetch 500 --batch 250 --heap-growing 50,0 --parallel 1,2 --no-baseline]
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
    // Reads at once for the links (export/read.ts), a list to compare in one run: the baselines
    // and each format run once per value, the raw read in the same key ranges, at once.
    parallel: { type: 'string', default: String(PARALLEL) },
    // Rows taken off the driver ahead of the writer (Graph.stream), a list to compare in one run:
    // the read-only baseline and each format run once per value.
    'read-ahead': { type: 'string', default: String(READ_AHEAD) },
  },
});
const N = Number(args.articles);
const growths = args['heap-growing'].split(',').map(Number);
const parallels = args.parallel.split(',').map(Number);
const aheads = args['read-ahead'].split(',').map(Number);
const aheadName = (a: number) => (a > 0 ? `read ahead ${a}` : 'no read-ahead');
const atOnce = (p: number) => (p > 1 ? `${p} reads at once` : 'one read at a time');
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
 * rows read (relation statements, not the edges they fold into). With `parallel` > 1 the links are
 * read as the export reads them: in the same key ranges, that many transactions at once (their
 * CPU is then the range queries' together).
 */
async function rawRead(graph: Graph, parallel: number): Promise<{ nodes: number; edges: number }> {
  const params = { after: '', upTo: END_OF_KEYS, page: 1e9, types: null, from: null, to: null, separator: PAIR_SEPARATOR };
  const count = async (query: string, range: { after: string; upTo: string } = { after: '', upTo: END_OF_KEYS }) => {
    const session = graph.driver.session({ database: graph.database, fetchSize: 10_000 });
    try {
      return await session.executeRead(async (tx) => {
        let n = 0;
        for await (const record of tx.run(cypher(query), { ...params, ...range })) if (record.length > 0) n++;
        return n;
      });
    } finally {
      await session.close();
    }
  };
  // Which query Neo4j's time goes to: where cheaper reads would pay.
  const timed = async (what: string, read: () => Promise<number>) => {
    const cpuBefore = cpuSeconds(neo4jPid(collectionDir(N)));
    const started = performance.now();
    const rows = await read();
    const cpu = cpuSeconds(neo4jPid(collectionDir(N)));
    const seconds = (performance.now() - started) / 1000;
    log(`  raw ${what}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)}/s), CPU ${(cpu.node - cpuBefore.node).toFixed(0)} s here + ${(cpu.neo4j - cpuBefore.neo4j).toFixed(0)} s Neo4j`);
    return rows;
  };
  const nodes = await timed('export/entities-page', () => count('export/entities-page'));
  if (parallel <= 1) {
    const edges = (await timed('export/co-mentions-page', () => count('export/co-mentions-page'))) + (await timed('export/relations-page', () => count('export/relations-page')));
    return { nodes, edges };
  }
  const [counts] = await graph.read<{ pairs: number }>(cypher('export/counts'));
  const points = await splitPoints(graph, counts?.pairs ?? 0, parallel);
  let edges = 0;
  const tasks = [
    ...ranges(points.map((p) => p.pair)).map((r) => async () => {
      const rows = await count('export/co-mentions-page', r);
      edges += rows;
    }),
    ...ranges(points.map((p) => p.entity)).map((r) => async () => {
      const rows = await count('export/relations-page', r);
      edges += rows;
    }),
  ];
  await timed(`co-mentions-page and relations-page in ${points.length + 1} ranges each, ${parallel} at once`, async () => {
    await inLanes(tasks, parallel);
    return edges;
  });
  return { nodes, edges };
}

const discard: GraphWriter = { begin: async () => {}, nodes: async () => {}, edges: async () => {}, end: async () => {} };

interface Row {
  name: string;
  parallel: number;
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
      `fetch ${fetchSize}, batch ${batch}, ${growths.map(growthName).join(' / ')}, ${parallels.map(atOnce).join(' / ')}, ${aheads.map(aheadName).join(' / ')}; load ${load()}`,
  );

  const rows: Row[] = [];
  const run = async (name: string, format: ExportFormat | null | 'raw', parallel: number, heapGrowingPercent = growths[0], readAhead = aheads[0]) => {
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
      if (format === 'raw') return rawRead(db.graph, parallel);
      if (!format) return runExport(db.graph, scope, discard, { collection: 'bench', page, rows: readRows, fetchSize, batch, heapGrowingPercent, parallel, readAhead, onProgress });
      const out = openExport(format, format === 'csv' ? { folder: file } : { stream: fs.createWriteStream(file) });
      const summary = await runExport(db.graph, scope, out.writer, { collection: 'bench', page, rows: readRows, fetchSize, batch, heapGrowingPercent, parallel, readAhead, onProgress });
      await out.close();
      return summary;
    });
    const seconds = (performance.now() - started) / 1000;
    const bytes = !format || format === 'raw' ? 0 : format === 'csv' ? fs.readdirSync(file).reduce((sum, f) => sum + fs.statSync(path.join(file, f)).size, 0) : fs.statSync(file).size;
    const cpuAfter = cpuSeconds(neo4jPid(collectionDir(N)));
    const cpu = { node: cpuAfter.node - cpuBefore.node, neo4j: cpuAfter.neo4j - cpuBefore.neo4j };
    const row = { name, parallel, elements: result.nodes + result.edges, seconds, idle, peak, bytes, cpu };
    rows.push(row);
    log(
      `${name.padEnd(22)} ${result.nodes} nodes + ${result.edges} edges in ${seconds.toFixed(1)} s: ${Math.round(row.elements / seconds)} elements/s; ` +
        `CPU ${cpu.node.toFixed(0)} s here + ${cpu.neo4j.toFixed(0)} s Neo4j; ${memoryLine(idle, peak)}; ${(bytes / MB).toFixed(0)} MB written; load ${load()}`,
    );
    fs.rmSync(file, { recursive: true, force: true });
  };

  // Each parallel value's runs side by side (raw, read only, formats), so that one read at a time
  // and reads at once are compared minutes apart, not a whole run apart.
  const named = (what: string, p: number, a = aheads[0]!) =>
    [what, ...(parallels.length > 1 ? [atOnce(p)] : []), ...(aheads.length > 1 ? [aheadName(a)] : [])].join(', ');
  if (!args['no-baseline']) {
    for (const p of parallels) await run(named('raw driver read (floor)', p), 'raw', p);
    for (const p of parallels) for (const a of aheads) await run(named('read only (baseline)', p, a), null, p, growths[0], a);
  }
  for (const format of formats as ExportFormat[]) {
    for (const g of growths)
      for (const p of parallels) for (const a of aheads) await run(named(growths.length > 1 ? `${format}, ${growthName(g)}` : format, p, a), format, p, g, a);
  }

  log('\n| export | elements | seconds | elements/s | × raw read | × baseline | CPU s (Node + Neo4j) | elements per CPU s | peak RSS over idle | heap used / total | external / arrayBuffers | written |');
  log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    // Against the baselines read with as many reads at once.
    const base = rows.find((b) => b.name.startsWith('read only') && b.parallel === r.parallel) ?? rows[0]!;
    const raw = rows.find((b) => b.name.startsWith('raw') && b.parallel === r.parallel);
    const rate = r.elements / r.seconds;
    log(
      `| ${r.name} | ${r.elements.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString('en')} | ` +
        `${raw ? (rate / (raw.elements / raw.seconds)).toFixed(2) : ''} | ` +
        `${(rate / (base.elements / base.seconds)).toFixed(2)} | ${r.cpu.node.toFixed(0)} + ${r.cpu.neo4j.toFixed(0)} | ` +
        `${Math.round(r.elements / (r.cpu.node + r.cpu.neo4j)).toLocaleString('en')} | +${mb(rise(r, 'rss'))} MB | +${mb(rise(r, 'heapUsed'))} / +${mb(rise(r, 'heapTotal'))} MB | +${mb(rise(r, 'external'))} / +${mb(rise(r, 'arrayBuffers'))} MB | ${mb(r.bytes)} MB |`,
    );
  }
  for (const csv of rows.filter((r) => r.name.startsWith('csv'))) log(`\n${csv.name}: ${Math.round(csv.elements / csv.seconds).toLocaleString('en')} elements/s (target ≥ 50,000)`);
  // Reads at once against one at a time, each run against its twin.
  for (const r of rows.filter((x) => x.parallel !== parallels[0])) {
    const twin = rows.find((x) => x.parallel === parallels[0] && x.name === r.name.replace(atOnce(r.parallel), atOnce(parallels[0]!)));
    if (twin) log(`${r.name}: ${(twin.seconds / r.seconds).toFixed(2)}× the speed of ${atOnce(parallels[0]!)}`);
  }
  const worst = rows.reduce((w, r) => (rise(r, 'rss') > rise(w, 'rss') ? r : w));
  log(`largest RSS rise: ${worst.name}, +${mb(rise(worst, 'rss'))} MB (target ≤ 100 MB)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
}
