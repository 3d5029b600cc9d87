import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';
import { foldWidth } from '../../server/src/extract/text/fold.ts';
import { recognizeRules } from '../../server/src/extract/chinese/recognize.ts';
import { PLAN, Tagger, defaultTagger } from '../../server/src/extract/learn/model.ts';
import { EmissionKernel } from '../../server/src/extract/learn/kernel.ts';
import { NT } from '../../server/src/extract/learn/tags.ts';
import { FEATURES, featurize } from '../../server/src/extract/learn/features.ts';

const page = foldWidth(readFileSync(fileURLToPath(new URL('../../samples/gaoxin-2020-05.txt', import.meta.url)), 'utf8'));

/** The scores by hand: each feature's int16 row from the model's own entries, summed, times the scale. */
function reference(t: Tagger, feats: Int32Array, n: number): { emit: Float64Array; known: number } {
  const rowOf = new Map<number, number>();
  t.keys.forEach((k, r) => rowOf.set(k, r));
  const emit = new Float64Array(n * NT);
  let known = 0;
  for (let i = 0; i < n; i++) {
    const sums = new Array<number>(NT).fill(0);
    for (let f = 0; f < FEATURES; f++) {
      const r = rowOf.get(feats[i * FEATURES + f]!);
      if (r === undefined || t.rowStart[r] === t.rowStart[r + 1]) continue;
      known++;
      for (let e = t.rowStart[r]!; e < t.rowStart[r + 1]!; e++) sums[t.entTag[e]!]! += Math.round(t.entWeight[e]! / t.kernel.scale);
    }
    sums.forEach((s, tag) => (emit[i * NT + tag] = s * t.kernel.scale));
  }
  return { emit, known };
}

function featuresOf(text: string): Int32Array {
  const { units, spans } = recognizeRules(text);
  return featurize(text, units, spans);
}

describe('emission kernel (WebAssembly)', () => {
  it('scores every character as the exact sum of its features’ int16 rows times the scale', () => {
    const t = defaultTagger()!;
    const text = page.slice(0, 3000);
    const feats = featuresOf(text);
    const { emit, known } = reference(t, feats, text.length);
    expect(Array.from(t.emissions(feats, text.length))).toEqual(Array.from(emit));
    // Most characters have a score from more than half their features.
    expect(known).toBeGreaterThan(text.length * 20);
  });

  it('gives the same scores when its group cache fills up and is emptied again and again', () => {
    const t = defaultTagger()!;
    const tiny = new EmissionKernel(t.keys, t.rowStart, t.entTag, t.entWeight, PLAN, 3);
    const feats = featuresOf(page);
    const expected = Array.from(t.emissions(feats, page.length));
    expect(Array.from(tiny.emissions(feats, page.length, FEATURES))).toEqual(expected);
    expect(Array.from(tiny.emissions(feats, page.length, FEATURES))).toEqual(expected);
  });

  it('grows its memory for a long text and keeps its scores', () => {
    const t = Tagger.decode(defaultTagger()!.encode());
    const short = page.slice(0, 500);
    const before = Array.from(t.emissions(featuresOf(short), short.length));
    const long = page.repeat(40);
    const feats = featuresOf(long);
    const emit = t.emissions(feats, long.length);
    expect(emit.length).toBe(long.length * NT);
    // The page's first 500 characters score alike at the start of the long text (same features there).
    expect(Array.from(emit.subarray(0, 400 * NT))).toEqual(before.slice(0, 400 * NT));
    expect(Array.from(t.emissions(featuresOf(short), short.length))).toEqual(before);
  });

  it('scores a decoded copy of the model exactly as the model', () => {
    const t = defaultTagger()!;
    const back = Tagger.decode(t.encode());
    const text = page.slice(0, 2000);
    const feats = featuresOf(text);
    expect(Array.from(back.emissions(feats, text.length))).toEqual(Array.from(t.emissions(feats, text.length)));
  });

  it.each(['emissions', 'features'])('%s.wasm is what its AssemblyScript source compiles to (npm run build:wasm)', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-wasm-'));
    try {
      const out = join(dir, `${name}.wasm`);
      const source = fileURLToPath(new URL(`../../server/wasm/${name}.ts`, import.meta.url));
      const config = fileURLToPath(new URL('../../server/wasm/asconfig.json', import.meta.url));
      const { error, stderr } = await asc.main([source, '--config', config, '--outFile', out]);
      expect(error, String(stderr)).toBeNull();
      const committed = fileURLToPath(new URL(`../../server/wasm/${name}.wasm`, import.meta.url));
      expect(readFileSync(out).equals(readFileSync(committed))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
