import type { Command } from 'commander';
import { formatOrigin } from '@guanxi/shared';
import { extractionToJson } from '../../extract/commands.ts';
import { readInputs } from '../../ingest/index.ts';
import { extractOne } from '../../importer/extract-one.ts';
import { EXIT } from '../exit.ts';
import { collectColumn, extractorFor } from './shared-options.ts';

/** `guanxi extract FILE…`: what the importer would write, as one JSON document; no database needed. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the entities, relations and authors found in the inputs as one JSON document (no database)')
    .argument('<inputs...>', 'files, folders, glob patterns, or - for stdin')
    .option('--lexicon <file>', 'your own entities and stop words, honoured first')
    .option('--encoding <name>', 'decode inputs with this encoding instead of detecting it')
    .option('--column <field=header>', 'CSV: which header holds a field; repeatable', collectColumn)
    .action(async (inputs: string[], flags: { lexicon?: string; encoding?: string; column?: Record<string, string> }) => {
      const extractor = extractorFor(flags.lexicon);
      const articles = [];
      let failed = 0;
      for await (const item of readInputs(inputs, { encoding: flags.encoding, csvColumns: flags.column })) {
        if (item.kind === 'warning') {
          process.stderr.write(`warning: ${formatOrigin(item.problem.origin)}: ${item.problem.reason}\n`);
          continue;
        }
        if (item.kind === 'problem') {
          failed++;
          process.stderr.write(`error: ${formatOrigin(item.problem.origin)}: ${item.problem.reason}\n`);
          continue;
        }
        const { article } = item;
        const result = extractOne(extractor, article);
        if (result.ok) articles.push(extractionToJson(article, result.extraction));
        else {
          failed++;
          process.stderr.write(`error: ${formatOrigin(article.origin)}: ${result.reason}\n`);
        }
      }
      process.stdout.write(`${JSON.stringify({ articles }, null, 1)}\n`);
      process.exitCode = failed > 0 ? EXIT.someFailed : EXIT.ok;
    });
}
