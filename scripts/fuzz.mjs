#!/usr/bin/env node
// `npm run fuzz`: a long fuzz campaign. Runs every property-based test with GUANXI_FUZZ_RUNS cases
// a property (default 10,000) and a fresh seed, then prints what ran from tests/output/fuzz-campaign.jsonl.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const runs = process.argv[2] ?? process.env.GUANXI_FUZZ_RUNS ?? '10000';
const seed = process.env.GUANXI_FUZZ_SEED ?? String(Date.now() % 2 ** 31);
const report = 'tests/output/fuzz-campaign.jsonl';
fs.rmSync(report, { force: true });
console.log(`fuzz campaign: ${runs} cases a property, seed ${seed}`);
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', 'tests/fuzz', 'tests/integration/fuzz', '--testTimeout=3600000', '--hookTimeout=600000'],
  { stdio: 'inherit', env: { ...process.env, GUANXI_FUZZ_RUNS: runs, GUANXI_FUZZ_SEED: seed } },
);
const lines = fs.existsSync(report) ? fs.readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
console.log('\n| target | cases | failures | seconds |\n| --- | ---: | ---: | ---: |');
for (const l of lines) console.log(`| ${l.target} | ${l.cases} | ${l.failures} | ${l.seconds} |`);
const cases = lines.reduce((n, l) => n + l.cases, 0);
const failures = lines.reduce((n, l) => n + l.failures, 0);
console.log(`\n${lines.length} properties, ${cases} cases, ${failures} failed (seed ${seed})`);
for (const l of lines) if (l.counterexample) console.log(`counterexample for ${l.target}: ${l.counterexample}`);
process.exit(result.status ?? 1);
