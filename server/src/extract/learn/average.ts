/**
 * Averages trained models into one: `npx tsx --conditions=guanxi-source server/src/extract/learn/average.ts
 * --out server/models/ner.bin A.bin B.bin …`. A linear model's scores are sums of its weights, so the
 * mean of the weights scores every path with the mean of the models' scores: an ensemble that tags as
 * fast as one model (one table, a little larger). The models may differ in shuffle seed and in feature
 * templates (a template one model lacks counts as zeros there). Deterministic: the same files in the
 * same order give the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DenseModel } from './perceptron.ts';
import { meanOf } from './perceptron.ts';
import { Tagger } from './model.ts';
import { NT } from './tags.ts';

/** A tagger's sparse rows as dense ones (NT weights a feature). */
export function denseOf(t: Tagger): DenseModel {
  const weights = new Float32Array(t.keys.length * NT);
  for (let r = 0; r < t.keys.length; r++) {
    for (let e = t.rowStart[r]!; e < t.rowStart[r + 1]!; e++) weights[r * NT + t.entTag[e]!] = t.entWeight[e]!;
  }
  return { keys: Array.from(t.keys), weights, trans: Float32Array.from(t.trans), start: Float32Array.from(t.start), end: Float32Array.from(t.end) };
}

/** The mean of the taggers' weights, as one tagger. */
export function averageTaggers(taggers: Tagger[]): Tagger {
  const m = meanOf(taggers.map(denseOf));
  return Tagger.fromDense(Int32Array.from(m.keys), m.weights, m.trans, m.start, m.end);
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  if (at < 0 || !args[at + 1]) throw new Error('usage: average.ts --out OUT.bin A.bin B.bin …');
  const out = resolve(args[at + 1]!);
  const inputs = args.filter((_, i) => i !== at && i !== at + 1);
  if (inputs.length < 2) throw new Error('average.ts: give at least two model files');
  const taggers = inputs.map((f) => Tagger.decode(readFileSync(f)));
  const avg = averageTaggers(taggers);
  const buf = avg.encode();
  writeFileSync(out, buf);
  console.log(`${inputs.length} models (${taggers.map((t) => t.features).join(' + ')} features) → ${avg.features} features, ${(buf.length / 1e6).toFixed(2)} MB: ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
