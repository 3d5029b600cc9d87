import fs from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config.ts';
import { EXPORT_FORMATS, FORMAT_INFO, formatOfPath, isExportFormat, openExport, type ExportFormat, type ExportOutput } from '../../export/formats.ts';
import { collectionName, runExport, type ExportProgress } from '../../export/run.ts';
import { parseScope, ScopeError, SCOPE_LIMITS, DEFAULT_EGO_LIMIT } from '../../export/scope.ts';
import { connect } from '../../neo4j/connect.ts';
import { UsageError } from '../exit.ts';

interface ExportFlags {
  format?: string;
  out?: string;
  view?: string[];
  ego?: string[];
  depth?: string;
  limit?: string;
  from?: string;
  to?: string;
  types?: string[];
  articles?: boolean;
  quiet?: boolean;
}

/**
 * `guanxi export`: the connection graph (optionally with its articles) of the whole collection, a
 * view or an ego network, in any of the analyst formats, streamed from Neo4j page by page — the
 * same scopes and writers as `GET /export` and the explorer's export menu.
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the connection graph (or part of it) as CSV, JSON, GraphML, GEXF, XLSX or a Cypher script')
    .option('--format <format>', `${EXPORT_FORMATS.join(', ')} (default: from --out's extension)\n${EXPORT_FORMATS.map((f) => `  ${f}: ${FORMAT_INFO[f].what}`).join('\n')}`)
    .option('--out <path>', 'file to write (CSV: a folder, or a .zip); default stdout (not for CSV or XLSX)')
    .option('--view <ids...>', 'exactly these nodes (an explorer view; ids like Person:王新亭)')
    .option('--ego <ids...>', 'the ego network of these entities')
    .option('--depth <n>', `hops of --ego (1–${SCOPE_LIMITS.depth})`, '1')
    .option('--limit <n>', `at most this many entities in an --ego network`, String(DEFAULT_EGO_LIMIT))
    .option('--from <date>', 'only what is dated from YYYY-MM-DD on')
    .option('--to <date>', 'only what is dated up to YYYY-MM-DD')
    .option('--types <types...>', 'only these entity types (Person, Organization, Place, Project)')
    .option('--articles', 'with the articles, their mentions and bylines (default: the connection graph alone)')
    .option('--quiet', 'no progress bar')
    .action(async (flags: ExportFlags) => {
      const format = chooseFormat(flags);
      if (flags.view && flags.ego) throw new UsageError('give --view or --ego, not both');
      const scope = (() => {
        try {
          return parseScope({
            scope: flags.ego ? 'ego' : flags.view ? 'view' : 'whole',
            ids: flags.ego ?? flags.view,
            depth: flags.depth,
            limit: flags.limit,
            from: flags.from,
            to: flags.to,
            types: flags.types,
            articles: flags.articles ?? false,
          });
        } catch (error) {
          throw error instanceof ScopeError ? new UsageError(error.message) : error;
        }
      })();
      const output = outputFor(format, flags.out);
      const connection = await connect(loadConfig());
      const bar = progressBar(flags.quiet);
      const started = Date.now();
      try {
        const out = openExport(format, output);
        const summary = await runExport(connection.graph, scope, out.writer, { collection: collectionName(connection.graph), generator: 'guanxi export', onProgress: bar.update });
        await out.close();
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        const cut = summary.truncated ? ' (cut at --limit)' : '';
        process.stderr.write(
          `exported ${summary.nodes} nodes and ${summary.edges} edges${cut} as ${format}${flags.out ? ` to ${flags.out}` : ''} ` +
            `in ${seconds.toFixed(1)} s (${Math.round((summary.nodes + summary.edges) / Math.max(seconds, 0.001))} elements/s)\n`,
        );
      } finally {
        bar.stop();
        await connection.close();
      }
    });
}

function chooseFormat(flags: ExportFlags): ExportFormat {
  const wanted = flags.format?.toLowerCase() ?? (flags.out ? (formatOfPath(flags.out) ?? (isFolder(flags.out) ? 'csv' : undefined)) : undefined);
  if (!wanted) throw new UsageError(`give --format (${EXPORT_FORMATS.join(', ')}) or an --out file with one of their extensions`);
  if (!isExportFormat(wanted)) throw new UsageError(`unknown export format "${wanted}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  return wanted;
}

const isFolder = (file: string) => fs.existsSync(file) && fs.statSync(file).isDirectory();

function outputFor(format: ExportFormat, out: string | undefined): ExportOutput {
  if (!out) {
    if (format === 'csv' || format === 'xlsx') throw new UsageError(`--format ${format} needs --out (${format === 'csv' ? 'a folder or a .zip' : 'a .xlsx file'})`);
    return { stream: process.stdout, end: false };
  }
  if (format === 'csv' && !out.toLowerCase().endsWith('.zip')) return { folder: out.replace(/\.csv$/i, '') };
  return { stream: fs.createWriteStream(out) };
}

function progressBar(quiet: boolean | undefined): { update: (p: ExportProgress) => void; stop: () => void } {
  if (quiet || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {nodes} nodes, {edges} edges | {rate} elements/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started_ = false;
  let stopped = false;
  return {
    update(p) {
      const rate = ((p.nodes + p.edges) / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0);
      if (!started_) {
        bar.start(Math.max(p.total, 1), p.visited, { nodes: p.nodes, edges: p.edges, rate });
        started_ = true;
      } else {
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.visited, { nodes: p.nodes, edges: p.edges, rate });
      }
    },
    stop() {
      if (started_ && !stopped) bar.stop();
      stopped = true;
    },
  };
}
