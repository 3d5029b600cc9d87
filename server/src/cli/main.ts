import { Command } from 'commander';
import { registerDelete } from './commands/delete.ts';
import { registerEvalNer } from './commands/eval-ner.ts';
import { registerExport } from './commands/export.ts';
import { registerExtract } from './commands/extract.ts';
import { registerImport } from './commands/import.ts';
import { registerNeo4j } from './commands/neo4j.ts';
import { registerServe } from './commands/serve.ts';
import { EXIT, exitOnError } from './exit.ts';

const program = new Command('guanxi')
  .description('关系 guanxi: who is connected to whom in the news — import articles into Neo4j and explore them')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  });

registerImport(program);
registerExtract(program);
registerEvalNer(program);
registerDelete(program);
registerExport(program);
registerServe(program);
registerNeo4j(program);

program.parseAsync(process.argv).catch(exitOnError);
