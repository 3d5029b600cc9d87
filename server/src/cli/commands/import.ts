import type { Command } from 'commander';
import { formatOrigin } from '@guanxi/shared';
import { loadConfig } from '../../config.ts';
import { applySchema } from '../../graph/store.ts';
import { readInputs } from '../../ingest/index.ts';
import { runImport, type ImportSummary } from '../../importer/run.ts';
import { createProgress } from '../../importer/progress.ts';
import { connect } from '../../neo4j/connect.ts';
import { EXIT } from '../exit.ts';
import { collectColumn, extractorFor, positiveInt } from './shared-options.ts';

interface ImportFlags {
  lexicon?: string;
  batchSize: number;
  dryRun?: boolean;
  json?: boolean;
  encoding?: string;
  column?: Record<string, string>;
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
    .action(async (inputs: string[], flags: ImportFlags) => {
      const { extractor, fingerprint } = extractorFor(flags.lexicon);
      const connection = flags.dryRun ? null : await connect(loadConfig());
      try {
        if (connection) await applySchema(connection.graph);
        const progress = createProgress({ quiet: Boolean(flags.json) });
        const summary = await runImport(
          connection?.graph ?? null,
          readInputs(inputs, { encoding: flags.encoding, csvColumns: flags.column }),
          extractor,
          { batchSize: flags.batchSize, dryRun: Boolean(flags.dryRun), extractorFingerprint: fingerprint, onProgress: progress.update },
        );
        progress.stop();
        printSummary(summary, Boolean(flags.json), Boolean(flags.dryRun), connection?.describe);
        process.exitCode = summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
      } finally {
        await connection?.close();
      }
    });
}

function printSummary(summary: ImportSummary, json: boolean, dryRun: boolean, target?: string) {
  const problems = summary.problems.map((p) => ({ where: formatOrigin(p.origin), reason: p.reason }));
  for (const p of problems) process.stderr.write(`error: ${p.where}: ${p.reason}\n`);
  const rate = summary.seconds > 0 ? summary.read / summary.seconds : 0;
  if (json) {
    const { problems: _, ...counts } = summary;
    console.log(JSON.stringify({ ...counts, dryRun, rate: Math.round(rate), problems }));
    return;
  }
  const verb = dryRun ? 'would write' : 'written';
  console.log(
    [
      `${dryRun ? 'dry run: ' : ''}read ${summary.read} articles in ${summary.seconds.toFixed(1)} s (${rate.toFixed(0)} articles/s)`,
      `  new: ${summary.created}  updated: ${summary.updated}  unchanged: ${summary.unchanged}  failed: ${summary.failed}`,
      `  ${verb}: ${summary.entities} entity mentions, ${summary.relations} relations${target ? ` → ${target}` : ''}`,
    ].join('\n'),
  );
}
