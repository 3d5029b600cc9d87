import { analyzeGraph, type AnalysisOptions, type AnalysisStep } from '@guanxi/shared/analytics';
import { countEntities, readConnectionGraph, writeMetrics } from '../graph/analytics.ts';
import type { Graph } from '../graph/db.ts';
import type { AnalyzeProgress } from './progress.ts';

export interface AnalyzeSummary {
  entities: number;
  /** Edges of the folded graph (pairs), not relationships. */
  links: number;
  relationships: number;
  written: number;
  communities: number;
  modularity: number;
  betweenness: { sources: number; exact: boolean };
  metricsAt: string;
  /** Wall-clock seconds: reading, each metric, writing. */
  seconds: { read: number; write: number; total: number } & Record<AnalysisStep, number>;
}

const STEPS: AnalysisStep[] = ['degree', 'pagerank', 'betweenness', 'communities'];

/** `guanxi analyze`: the whole connection graph read, its metrics computed and stored on the entities. */
export async function runAnalysis(
  graph: Graph,
  options: Omit<AnalysisOptions, 'onStep'> & { dryRun?: boolean },
  progress: AnalyzeProgress,
): Promise<AnalyzeSummary> {
  const started = performance.now();
  const seconds = (since: number) => (performance.now() - since) / 1000;
  try {
    const { entities, pairs } = await countEntities(graph);
    // Steps of the read: the entities, the pairs, the entities again (their typed relations).
    progress.start('read', 2 * entities + pairs, 'reading');
    let relationships = 0;
    const connectionGraph = await readConnectionGraph(graph, {
      onPage: (read, links) => {
        relationships = links;
        progress.update(read, `${links} links`);
      },
    });
    const read = seconds(started);

    progress.start('compute', STEPS.length, 'computing');
    const analysis = analyzeGraph(connectionGraph, {
      ...options,
      onStep: (step) => progress.update(STEPS.indexOf(step), step),
    });
    progress.update(STEPS.length, 'done');

    const at = new Date();
    const writing = performance.now();
    let written = 0;
    if (!options.dryRun) {
      progress.start('write', analysis.metrics.size, 'writing');
      written = await writeMetrics(graph, analysis, at, { onBatch: (n) => progress.update(n) });
    }
    return {
      entities: connectionGraph.order,
      links: connectionGraph.size,
      relationships,
      written,
      communities: analysis.communities,
      modularity: analysis.modularity,
      betweenness: analysis.betweenness,
      metricsAt: at.toISOString(),
      seconds: { read, ...analysis.seconds, write: seconds(writing), total: seconds(started) },
    };
  } finally {
    progress.stop();
  }
}
