import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/**
 * How property-based (fuzz) tests are run. In `npm test` each property gets a small, fixed-seed
 * budget so the suite stays short and repeatable; `npm run fuzz` sets GUANXI_FUZZ_RUNS (and a
 * fresh GUANXI_FUZZ_SEED) for a long campaign, and every property appends its counts to
 * tests/output/fuzz-campaign.jsonl, which scripts/fuzz-report.mjs prints as a table.
 */
const CAMPAIGN_RUNS = Number(process.env.GUANXI_FUZZ_RUNS) || 0;
const SEED = Number(process.env.GUANXI_FUZZ_SEED) || 20261203;
const REPORT = path.resolve('tests/output/fuzz-campaign.jsonl');

export const inCampaign = CAMPAIGN_RUNS > 0;

/** Cases for a property: `quick` in the test suite, the campaign's count under `npm run fuzz`. */
export function fuzzRuns(quick: number): number {
  return CAMPAIGN_RUNS || quick;
}

/**
 * Checks a property and, in a campaign, records what ran. A failure throws with fast-check's
 * report (the shrunk counterexample and the seed and path to replay it).
 */
export async function fuzz<Ts>(
  target: string,
  property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>,
  quick: number,
): Promise<void> {
  const started = performance.now();
  const details = await fc.check(property as fc.IAsyncPropertyWithHooks<Ts>, { numRuns: fuzzRuns(quick), seed: SEED });
  if (inCampaign) {
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    const line = {
      target,
      cases: details.numRuns,
      failures: details.failed ? 1 : 0,
      seed: SEED,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      counterexample: details.failed ? fc.stringify(details.counterexample) : undefined,
    };
    fs.appendFileSync(REPORT, JSON.stringify(line) + '\n');
  }
  if (details.failed) throw new Error(`${target}: ${fc.defaultReportMessage(details)}`);
}

/** Runs `work` and fails if it takes longer than `ms`: a hang is a failure, not a stuck suite. */
export async function withinMs<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
