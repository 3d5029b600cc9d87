import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { articleIdsBySource, deleteArticles } from '../../graph/store.ts';
import { connect } from '../../neo4j/connect.ts';
import { UsageError } from '../exit.ts';

/** `guanxi delete`: remove articles by id or by source, and the entities only they gave evidence for. */
export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description('delete articles by id or source; entities left without evidence go too')
    .option('--id <ids...>', 'article ids')
    .option('--source <name>', 'every article of this source')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { id?: string[]; source?: string; json?: boolean }) => {
      if (!flags.id?.length && !flags.source) throw new UsageError('delete needs --id or --source');
      const connection = await connect(loadConfig());
      try {
        const ids = [...(flags.id ?? []), ...(flags.source ? await articleIdsBySource(connection.graph, flags.source) : [])];
        const result = ids.length > 0 ? await deleteArticles(connection.graph, ids) : { deleted: 0, pruned: 0 };
        console.log(flags.json ? JSON.stringify(result) : `deleted ${result.deleted} articles, ${result.pruned} entities left without evidence`);
      } finally {
        await connection.close();
      }
    });
}
