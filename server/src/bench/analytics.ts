import os from 'node:os';
import { parseArgs } from 'node:util';
import { applySchema } from '../graph/store.ts';
import { collectionDir, openDb } from './api-collection.ts';
import { analyticsTable, measureAnalytics } from './analytics-run.ts';

/**
 * npm run bench:analytics [-- --articles 100000 --betweenness-samples 32 --no-write]
 *
 * `guanxi analyze` on the kept collection of bench:api (built by it: `npm run bench:api -- --build-only`):
 * seconds per metric beside the read of the graph, and peak memory. See docs/benchmarks.md.
 */
const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    'betweenness-samples': { type: 'string', default: '32' },
    'no-write': { type: 'boolean', default: false },
  },
});

const db = await openDb(collectionDir(Number(args.articles)), 27887);
try {
  // The metric indexes are part of the schema the code measuring it expects (as `guanxi serve` applies it).
  if (!args['no-write']) await applySchema(db.graph);
  const figures = await measureAnalytics(db.graph, { betweennessSamples: Number(args['betweenness-samples']), write: !args['no-write'] });
  console.log(`bench:analytics, ${args.articles} articles (${db.uri}); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  for (const line of analyticsTable(figures)) console.log(line);
} finally {
  await db.close();
}
