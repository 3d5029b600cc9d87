import type { AnalysisStep } from '@guanxi/shared/analytics';
import { runAnalysis, type AnalyzeSummary } from '../analytics/run.ts';
import type { Graph } from '../graph/db.ts';

type Mark = 'read' | AnalysisStep | 'write';

export interface AnalyticsFigures {
  summary: AnalyzeSummary;
  /**
   * CPU seconds of this process a step (user + system): on a shared machine the wall-clock figures
   * say how busy the others were as much as what a step costs.
   */
  cpu: Partial<Record<Mark, number>>;
  /** Resident memory of this process (MB): before reading, and its peak (the graph held, then computed on). */
  idleRssMb: number;
  peakRssMb: number;
  /** The heap when the graph is built (MB), before any metric runs. */
  heapAfterReadMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * `guanxi analyze`'s work on a collection, timed phase by phase (wall clock and CPU), with the
 * process's peak memory — for `npm run bench:analytics`, and for bench:export to call beside its exports.
 */
export async function measureAnalytics(graph: Graph, options: { betweennessSamples: number; write: boolean }): Promise<AnalyticsFigures> {
  globalThis.gc?.();
  const idleRssMb = mb(process.memoryUsage().rss);
  let heapAfterReadMb = 0;
  const cpu: AnalyticsFigures['cpu'] = {};
  let current: Mark | null = null;
  let since = 0;
  // Closes the step that was running and opens `next`: the progress calls mark the boundaries.
  const mark = (next: Mark | null) => {
    const now = cpuNow();
    if (current) cpu[current] = (cpu[current] ?? 0) + now - since;
    [current, since] = [next, now];
  };
  const summary = await runAnalysis(
    graph,
    { betweennessSamples: options.betweennessSamples, dryRun: !options.write },
    {
      start: (phase) => {
        if (phase === 'compute') heapAfterReadMb = mb(process.memoryUsage().heapUsed);
        mark(phase === 'read' ? 'read' : phase === 'write' ? 'write' : null);
      },
      update: (_done, extra) => {
        if (extra === 'degree' || extra === 'pagerank' || extra === 'betweenness' || extra === 'communities') mark(extra);
        else if (extra === 'done') mark(null);
      },
      stop: () => mark(null),
    },
  );
  // maxRSS is in kilobytes on Linux: the peak of the whole run, the bench's own start included.
  return { summary, cpu, idleRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, heapAfterReadMb };
}

/** The figures as a table, each step beside the read of the graph it needs (the baseline of the same run). */
export function analyticsTable(f: AnalyticsFigures): string[] {
  const s = f.summary;
  const t = s.seconds;
  const cpu = (step: Mark) => (f.cpu[step] === undefined ? '' : f.cpu[step]!.toFixed(1));
  const row = (what: string, step: Mark | null, seconds: number, note = '') =>
    `| ${what} | ${seconds.toFixed(1)} | ${step ? cpu(step) : ''} | ${(seconds / t.read).toFixed(2)} | ${note} |`;
  const steps: [AnalysisStep, string][] = [
    ['degree', 'degree + weighted degree'],
    ['pagerank', 'PageRank'],
    ['betweenness', s.betweenness.exact ? 'betweenness (exact)' : `betweenness (${s.betweenness.sources} sampled sources)`],
    ['communities', `Louvain (${s.communities} communities, modularity ${s.modularity.toFixed(3)})`],
  ];
  const sampled = !s.betweenness.exact && s.betweenness.sources > 0;
  return [
    `graph: ${s.entities} entities, ${s.links} linked pairs from ${s.relationships} relationships`,
    '| step | seconds | CPU seconds | × read | |',
    '| --- | ---: | ---: | ---: | --- |',
    row('read the connection graph and build it (baseline)', 'read', t.read, `${(s.relationships / t.read).toFixed(0)} relationships/s`),
    ...steps.map(([step, what]) => row(what, step, t[step], step === 'betweenness' && sampled ? `${((t[step] / s.betweenness.sources) * 1000).toFixed(0)} ms a source` : '')),
    `| PageRank + Louvain | ${(t.pagerank + t.communities).toFixed(1)} | ${((f.cpu.pagerank ?? 0) + (f.cpu.communities ?? 0)).toFixed(1)} | ${((t.pagerank + t.communities) / t.read).toFixed(2)} | target ≤ 30 s |`,
    row('write the metrics', 'write', t.write, s.written ? `${s.written} entities` : 'skipped'),
    `memory: idle ${f.idleRssMb.toFixed(0)} MB RSS, peak ${f.peakRssMb.toFixed(0)} MB RSS; heap with the graph built ${f.heapAfterReadMb.toFixed(0)} MB`,
  ];
}
