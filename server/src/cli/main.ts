import { Command } from 'commander';
import { EXIT, exitOnError } from './exit.ts';

type Register = (program: Command) => void;

// A command's module brings its dependencies (the extractor, the Neo4j driver, the API server),
// most of a start-up: a call loads the module of the command it names only; help, a typo or no
// command at all load them all.
const COMMANDS: Record<string, () => Promise<Register>> = {
  import: async () => (await import('./commands/import.ts')).registerImport,
  extract: async () => (await import('./commands/extract.ts')).registerExtract,
  'eval-ner': async () => (await import('./commands/eval-ner.ts')).registerEvalNer,
  delete: async () => (await import('./commands/delete.ts')).registerDelete,
  export: async () => (await import('./commands/export.ts')).registerExport,
  analyze: async () => (await import('./commands/analyze.ts')).registerAnalyze,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
  neo4j: async () => (await import('./commands/neo4j.ts')).registerNeo4j,
};

const program = new Command('guanxi')
  .description('关系 guanxi: who is connected to whom in the news — import articles into Neo4j and explore them')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  });

const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);

program.parseAsync(process.argv).catch(exitOnError);
