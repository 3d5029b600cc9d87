import type { AnalysisStep } from '@guanxi/shared/analytics';
import { runAnalysis, type AnalyzeSummary } from '../analytics/run.ts';
import type { Graph } from '../graph/db.ts';

export interface AnalyticsFigures {
  summary: AnalyzeSummary;
  /** Resident memory of this process (MB): before reading, and its peak (the graph held, then computed on). */
  idleRssMb: number;
  peakRssMb: number;
  /** The heap when the graph is built (MB), before any metric runs. */
  heapAfterReadMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

/**
 * `guanxi analyze`'s work on a collection, timed phase by phase, with the process's peak memory —
 * for `npm run bench:analytics`, and for bench:export to call beside its exports.
 */
export async function measureAnalytics(graph: Graph, options: { betweennessSamples: number; write: boolean }): Promise<AnalyticsFigures> {
  globalThis.gc?.();
  const idleRssMb = mb(process.memoryUsage().rss);
  let heapAfterReadMb = 0;
  const summary = await runAnalysis(
    graph,
    { betweennessSamples: options.betweennessSamples, dryRun: !options.write },
    {
      start: (phase) => {
        if (phase === 'compute') heapAfterReadMb = mb(process.memoryUsage().heapUsed);
      },
      update: () => {},
      stop: () => {},
    },
  );
  // maxRSS is in kilobytes on Linux: the peak of the whole run, the bench's own start included.
  return { summary, idleRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, heapAfterReadMb };
}

/** The figures as a table, each metric beside the read of the graph it needs (the baseline of the same run). */
export function analyticsTable(f: AnalyticsFigures): string[] {
  const s = f.summary;
  const t = s.seconds;
  const row = (what: string, seconds: number, note = '') => `| ${what} | ${seconds.toFixed(2)} | ${(seconds / t.read).toFixed(2)} | ${note} |`;
  const steps: [AnalysisStep, string][] = [
    ['degree', 'degree + weighted degree'],
    ['pagerank', 'PageRank'],
    ['betweenness', s.betweenness.exact ? 'betweenness (exact)' : `betweenness (${s.betweenness.sources} sampled sources)`],
    ['communities', `Louvain (${s.communities} communities, modularity ${s.modularity.toFixed(3)})`],
  ];
  return [
    `graph: ${s.entities} entities, ${s.links} linked pairs from ${s.relationships} relationships`,
    '| step | seconds | × read | |',
    '| --- | ---: | ---: | --- |',
    row('read the connection graph (baseline)', t.read, `${(s.relationships / t.read).toFixed(0)} relationships/s`),
    ...steps.map(([step, what]) => row(what, t[step], step === 'betweenness' && !s.betweenness.exact ? `${((t[step] / Math.max(s.betweenness.sources, 1)) * 1000).toFixed(0)} ms a source` : '')),
    row('PageRank + Louvain', t.pagerank + t.communities, 'target ≤ 30 s'),
    row('write the metrics', t.write, s.written ? `${s.written} entities` : 'skipped'),
    `memory: idle ${f.idleRssMb.toFixed(0)} MB RSS, peak ${f.peakRssMb.toFixed(0)} MB RSS; heap with the graph built ${f.heapAfterReadMb.toFixed(0)} MB`,
  ];
}
