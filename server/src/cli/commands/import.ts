import type { Command } from 'commander';
import { formatOrigin } from '@guanxi/shared';
import { loadConfig } from '../../config.ts';
import { applySchema } from '../../graph/store.ts';
import { readInputs, type InputLimits } from '../../ingest/index.ts';
import { MB, limitsFromEnv } from '../../ingest/limits.ts';
import { UsageError } from '../exit.ts';
import { expandPaths } from '../../ingest/paths.ts';
import { runImport, type ImportSummary } from '../../importer/run.ts';
import { createProgress } from '../../importer/progress.ts';
import { ExtractionPool, defaultWorkers } from '../../importer/pool.ts';
import { connect } from '../../neo4j/connect.ts';
import { EXIT } from '../exit.ts';
import { collectColumn, lexiconFingerprint, nonNegativeInt, positiveInt } from './shared-options.ts';

interface ImportFlags {
  lexicon?: string;
  batchSize: number;
  dryRun?: boolean;
  json?: boolean;
  encoding?: string;
  column?: Record<string, string>;
  workers: number;
  maxArticleMb?: number;
  maxLineMb?: number;
  maxInflatedMb?: number;
  maxInflateRatio?: number;
}

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number; got ${value}`);
    return n;
  };
}

/** The limits: flags first, then GUANXI_MAX_*, then the defaults; a bad variable is a usage error. */
function limitFlags(flags: ImportFlags): InputLimits {
  let limits: InputLimits;
  try {
    limits = limitsFromEnv();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (flags.maxArticleMb !== undefined) limits.maxArticleChars = Math.round(flags.maxArticleMb * MB);
  if (flags.maxLineMb !== undefined) limits.maxLineChars = Math.round(flags.maxLineMb * MB);
  if (flags.maxInflatedMb !== undefined) limits.maxInflatedBytes = Math.round(flags.maxInflatedMb * MB);
  if (flags.maxInflateRatio !== undefined) limits.maxInflateRatio = flags.maxInflateRatio;
  return limits;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('read articles (page text, .txt .md .json .jsonl .csv RSS/Atom .html, folders, globs, .gz, - for stdin), extract entities, write them to Neo4j')
    .argument('<inputs...>', 'files, folders, glob patterns, or - for stdin')
    .option('--lexicon <file>', 'your own entities (type, name, aliases) and stop words, honoured first')
    .option('--batch-size <n>', 'articles per write transaction', positiveInt('--batch-size'), 200)
    .option('--dry-run', 'read and extract, write nothing')
    .option('--json', 'print the summary as JSON (for scripts)')
    .option('--encoding <name>', 'decode inputs with this encoding instead of detecting it (e.g. gbk)')
    .option('--column <field=header>', 'CSV: which header holds a field (title, body, date, url, source, author, lang); repeatable', collectColumn)
    .option('--max-article-mb <n>', 'largest article read, in MB (default 5, env GUANXI_MAX_ARTICLE_MB)', positiveNumber('--max-article-mb'))
    .option('--max-line-mb <n>', 'longest line in text and JSONL, in MB (default 5, env GUANXI_MAX_LINE_MB)', positiveNumber('--max-line-mb'))
    .option('--max-inflated-mb <n>', 'most a .gz input may inflate to, in MB (default 512, env GUANXI_MAX_INFLATED_MB)', positiveNumber('--max-inflated-mb'))
    .option('--max-inflate-ratio <n>', 'most a .gz may inflate per compressed byte, past its first 16 MB (default 100, env GUANXI_MAX_INFLATE_RATIO)', positiveNumber('--max-inflate-ratio'))
    .option('--workers <n>', 'extraction worker threads (0: on the main thread)', nonNegativeInt('--workers'), defaultWorkers())
    .action(async (inputs: string[], flags: ImportFlags) => {
      const fingerprint = lexiconFingerprint(flags.lexicon);
      const connection = flags.dryRun ? null : await connect(loadConfig());
      const pool = new ExtractionPool({ workers: flags.workers, lexiconFile: flags.lexicon });
      try {
        if (connection) await applySchema(connection.graph);
        const progress = createProgress({ quiet: Boolean(flags.json), files: await countSources(inputs) });
        const summary = await runImport(
          connection?.graph ?? null,
          readInputs(inputs, { encoding: flags.encoding, csvColumns: flags.column, limits: limitFlags(flags) }),
          pool,
          { batchSize: flags.batchSize, dryRun: Boolean(flags.dryRun), extractorFingerprint: fingerprint, onProgress: progress.update },
        );
        progress.stop();
        printSummary(summary, Boolean(flags.json), Boolean(flags.dryRun), connection?.describe);
        if (summary.error) process.stderr.write(`guanxi: ${summary.error}\n`);
        process.exitCode = summary.error ? EXIT.databaseUnreachable : summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
      } finally {
        await pool.close();
        await connection?.close();
      }
    });
}

function printSummary(summary: ImportSummary, json: boolean, dryRun: boolean, target?: string) {
  const problems = summary.problems.map((p) => ({ where: formatOrigin(p.origin), reason: p.reason }));
  const warnings = summary.warnings.map((p) => ({ where: formatOrigin(p.origin), reason: p.reason }));
  for (const p of warnings) process.stderr.write(`warning: ${p.where}: ${p.reason}\n`);
  for (const p of problems) process.stderr.write(`error: ${p.where}: ${p.reason}\n`);
  const rate = summary.seconds > 0 ? summary.read / summary.seconds : 0;
  if (json) {
    const { problems: _, warnings: __, ...counts } = summary;
    console.log(JSON.stringify({ ...counts, dryRun, rate: Math.round(rate), problems, warnings, error: summary.error ?? null }));
    return;
  }
  const verb = dryRun ? 'would write' : 'written';
  console.log(
    [
      `${dryRun ? 'dry run: ' : ''}read ${summary.read} articles in ${summary.seconds.toFixed(1)} s (${rate.toFixed(0)} articles/s)`,
      `  new: ${summary.created}  updated: ${summary.updated}  unchanged: ${summary.unchanged}  failed: ${summary.failed}${summary.warnings.length > 0 ? `  warnings: ${summary.warnings.length}` : ''}`,
      `  ${verb}: ${summary.entities} entities, ${summary.relations} relations${target ? ` → ${target}` : ''}`,
      ...(summary.error ? ['  stopped early: Neo4j went away (see the message below); re-run to finish'] : []),
    ].join('\n'),
  );
}

/** How many files the inputs name (stdin counts as one), for the progress bar's total and ETA. */
async function countSources(inputs: string[]): Promise<number> {
  let n = 0;
  for await (const expanded of expandPaths(inputs.filter((i) => i !== '-'))) if (expanded.kind === 'source') n++;
  return n + (inputs.includes('-') ? 1 : 0);
}
