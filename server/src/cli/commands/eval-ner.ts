import type { Command } from 'commander';
import { runEvalNer } from '../../extract/commands.ts';

/** `guanxi eval-ner FILE.bio`: entity-level P/R/F1 for PER/LOC/ORG, last line one JSON object. */
export function registerEvalNer(program: Command): void {
  program
    .command('eval-ner')
    .description('score the extractor against a BIO file (PER/LOC/ORG); prints a table and, last, one JSON line')
    .argument('<file>', 'a BIO file: one character and its tag a line, a blank line between sentences')
    .action(async (file: string) => {
      await runEvalNer(file, process.stdout);
    });
}
