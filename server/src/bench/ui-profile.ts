/**
 * `bench:ui --profile`: a CPU profile of the main thread through the DevTools protocol, kept as
 * a .cpuprofile (open it in Chromium's DevTools) and summed up as the functions with the most
 * self time. For finding where a phase's time goes; the figures of the run come from ui.ts.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Profiler {
  /** Stops, writes the profile to `file` and returns the top `top` functions by self time. */
  stop: (file: string, top?: number) => Promise<string[]>;
}

export async function startProfile(page: Page): Promise<Profiler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    stop: async (file, top = 20) => {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp.detach();
      fs.writeFileSync(file, JSON.stringify(profile));
      return summarize(profile, top);
    },
  };
}

function frameKey({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']): string {
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${columnNumber + 1}`;
}

/** Self time and total time (self plus callees, each function counted once a sample) by function. */
function summarize(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const key = frameKey(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = frameKey(byId.get(at)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .filter(([key]) => !key.startsWith('(root)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  return [`self time of ${total.toFixed(0)} ms:`, ...rows(self), 'total time (with callees):', ...rows(inclusive)];
}
