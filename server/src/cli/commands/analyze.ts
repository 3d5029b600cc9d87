import type { Command } from 'commander';
import { DEFAULT_BETWEENNESS_SAMPLES } from '@guanxi/shared/analytics';
import { createAnalyzeProgress } from '../../analytics/progress.ts';
import { runAnalysis, type AnalyzeSummary } from '../../analytics/run.ts';
import { loadConfig } from '../../config.ts';
import { connect } from '../../neo4j/connect.ts';
import { nonNegativeInt } from './shared-options.ts';

interface AnalyzeFlags {
  betweennessSamples: number;
  seed: number;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `guanxi analyze`: degree, weighted degree, PageRank, betweenness and Louvain communities of the
 * whole connection graph, stored on each entity with the time they were computed (metricsAt).
 */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('compute degree, weighted degree, PageRank, betweenness and communities of the connection graph and store them on the entities')
    .option(
      '--betweenness-samples <n>',
      'betweenness: exact up to this many entities, else estimated from this many sampled sources (0: skip)',
      nonNegativeInt('--betweenness-samples'),
      DEFAULT_BETWEENNESS_SAMPLES,
    )
    .option('--seed <n>', 'seed of the Louvain order and the betweenness sample', nonNegativeInt('--seed'), 20)
    .option('--dry-run', 'compute and print the summary, store nothing')
    .option('--json', 'print the summary as JSON (and no progress)')
    .action(async (flags: AnalyzeFlags) => {
      const connection = await connect(loadConfig());
      try {
        const summary = await runAnalysis(
          connection.graph,
          { betweennessSamples: flags.betweennessSamples, seed: flags.seed, dryRun: flags.dryRun },
          createAnalyzeProgress(Boolean(flags.json)),
        );
        console.log(flags.json ? JSON.stringify(summary) : describe(summary, Boolean(flags.dryRun)));
      } finally {
        await connection.close();
      }
    });
}

function describe(s: AnalyzeSummary, dryRun: boolean): string {
  const t = s.seconds;
  const how = s.betweenness.exact ? 'exact' : `estimated from ${s.betweenness.sources} sampled sources`;
  return [
    `analyzed ${s.entities} entities and ${s.links} linked pairs (${s.relationships} relationships)`,
    `  ${s.communities} communities, modularity ${s.modularity.toFixed(4)}; betweenness ${how}`,
    `  seconds: read ${t.read.toFixed(1)}, degree ${t.degree.toFixed(1)}, pagerank ${t.pagerank.toFixed(1)}, ` +
      `betweenness ${t.betweenness.toFixed(1)}, communities ${t.communities.toFixed(1)}, write ${t.write.toFixed(1)}, total ${t.total.toFixed(1)}`,
    dryRun ? '  dry run: nothing stored' : `  stored on ${s.written} entities (metricsAt ${s.metricsAt})`,
  ].join('\n');
}
