import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { embeddedOptions } from '../../neo4j/connect.ts';
import { buildEmbedded, embeddedStatus, startEmbedded, stopEmbedded } from '../../neo4j/embedded.ts';
import { EXIT } from '../exit.ts';

/** `guanxi neo4j start|stop|status`: the embedded Neo4j as a background service. */
export function registerNeo4j(program: Command): void {
  const neo4j = program.command('neo4j').description('start, stop or check the embedded Neo4j server');
  // A background service: not tied to this command's process (exitWithParent left false).
  const options = () => embeddedOptions(loadConfig());
  neo4j
    .command('build')
    .description('compile the launcher and fetch Neo4j from Maven Central (start does this when needed)')
    .action(() => {
      buildEmbedded();
      console.log('embedded Neo4j ready to start');
    });
  neo4j
    .command('start')
    .description('start it in the background (builds it with Maven the first time) and wait until Bolt answers')
    .action(async () => {
      const started = await startEmbedded(options());
      console.log(`${started.started ? 'started' : 'already running'}: ${started.uri} (pid ${started.pid})`);
    });
  neo4j
    .command('stop')
    .description('stop it cleanly')
    .action(async () => {
      console.log((await stopEmbedded(options())) ? 'stopped' : 'not running');
    });
  neo4j
    .command('status')
    .description('exit 0 when it runs and answers, 3 when not')
    .action(async () => {
      const status = await embeddedStatus(options());
      console.log(status.running ? `running: ${status.uri} (pid ${status.pid})` : 'not running');
      process.exitCode = status.running ? EXIT.ok : EXIT.databaseUnreachable;
    });
}
