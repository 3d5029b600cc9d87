import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldWidth } from '../../server/src/extract/text/fold.ts';
import { recognize, recognizeRules } from '../../server/src/extract/chinese/recognize.ts';
import { MODEL_PATH, Tagger, defaultTagger } from '../../server/src/extract/learn/model.ts';
import { NT, allowed, canEnd, canStart, spansFromTagSeq, tagsFromSpans } from '../../server/src/extract/learn/tags.ts';
import { bestThrough, viterbi } from '../../server/src/extract/learn/viterbi.ts';
import { FEATURES, featurize } from '../../server/src/extract/learn/features.ts';

describe('learned tagger', () => {
  it('ships a compact model that loads', () => {
    expect(existsSync(MODEL_PATH)).toBe(true);
    const t = defaultTagger();
    expect(t).not.toBeNull();
    expect(t!.features).toBeGreaterThan(10000);
  });

  it('round-trips tags and spans under BIOES', () => {
    const spans = [{ type: 0, start: 0, end: 3 }, { type: 1, start: 4, end: 5 }, { type: 2, start: 6, end: 9 }];
    expect(spansFromTagSeq(tagsFromSpans(10, spans))).toEqual(spans);
    expect(allowed(1, 2)).toBe(true); // B-PER → I-PER
    expect(allowed(1, 5)).toBe(false); // B-PER → B-LOC
    expect(allowed(0, 2)).toBe(false); // O → I-PER
  });

  it('decodes only valid paths, and prices its own spans at zero', () => {
    const text = foldWidth('国务院总理李鹏今天在北京会见了美国国务卿奥尔布赖特。');
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    expect(feats.length).toBe(text.length * FEATURES);
    const t = defaultTagger()!;
    const emit = t.emissions(feats, text.length);
    const tags = new Uint8Array(text.length);
    viterbi(emit, text.length, t.trans, t.start, t.end, tags);
    for (let i = 1; i < tags.length; i++) expect(allowed(tags[i - 1]!, tags[i]!)).toBe(true);
    const decoded = t.decode(text, units, spans);
    for (const s of decoded.spans) expect(decoded.cost(s)).toBeCloseTo(0, 3);
    const names = recognize(text).spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
    expect(names).toEqual(expect.arrayContaining(['Person:李鹏', 'Place:北京', 'Place:美国']));
  });

  it('decodes a batch as it decodes each text alone, every cost valid until the next batch', () => {
    // The sample page's paragraphs, an empty text among them: batched, the texts share one layout.
    const page = foldWidth(readFileSync(fileURLToPath(new URL('../../samples/gaoxin-2020-05.txt', import.meta.url)), 'utf8'));
    const texts = [...page.split('\n').filter((p) => p.length > 20).slice(0, 6), ''].map((text) => ({ text, ...recognizeRules(text) }));
    const t = defaultTagger()!;
    const alone = texts.map(({ text, units, spans }) => {
      const d = t.decode(text, units, spans);
      // Costs of the rule spans, the tagger's own (zero) and a span one character wider.
      const probes = [...spans, ...d.spans, ...d.spans.map((s) => ({ ...s, end: Math.min(text.length, s.end + 1) }))];
      return { spans: d.spans, costs: probes.map((s) => d.cost(s)), probes };
    });
    const batched = t.decodeMany(texts.map(({ text, units, spans }) => ({ text, units, rules: spans })));
    expect(batched.map((d) => d.spans)).toEqual(alone.map((a) => a.spans));
    // Read after the whole batch is decoded: no text's buffers were overwritten by the next one's.
    batched.forEach((d, k) => expect(alone[k]!.probes.map((s) => d.cost(s))).toEqual(alone[k]!.costs));
    expect(alone.some((a) => a.costs.some((c) => c > 0 && Number.isFinite(c)))).toBe(true);
  });

  it('runs Viterbi in WebAssembly with the tags, forward scores and total of viterbi.ts', () => {
    // The tagger decodes with the kernel's copy; training and the tests above use viterbi.ts.
    const text = foldWidth(readFileSync(fileURLToPath(new URL('../../samples/gaoxin-2020-05.txt', import.meta.url)), 'utf8'));
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    const t = defaultTagger()!;
    let seed = 11;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 40 - 20;
    // The same weights under random transitions: other paths win, ties and all.
    const other = new Tagger(t.keys, t.rowStart, t.entTag, t.entWeight, Array.from({ length: NT * NT }, rand), Array.from({ length: NT }, rand), Array.from({ length: NT }, rand));
    for (const tagger of [t, other]) {
      const n = text.length;
      tagger.kernel.featureRows(n, FEATURES).set(feats);
      const emit = tagger.kernel.score(n, FEATURES).slice();
      const got = tagger.kernel.viterbi(n, FEATURES);
      const tags = new Uint8Array(n);
      const want = viterbi(emit, n, tagger.trans, tagger.start, tagger.end, tags);
      expect(got.best).toBe(want.best);
      expect(Array.from(got.tags)).toEqual(Array.from(tags));
      expect(Array.from(got.alpha)).toEqual(Array.from(want.alpha));
    }
  });

  it('Viterbi and the best path through a given tag agree with an exhaustive search over valid paths', () => {
    // Every valid tag path of a short random lattice, scored directly: the optimized loops must find
    // the best, and the best path through each position and tag.
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 10 - 5;
    const n = 5;
    const emit = Float64Array.from({ length: n * NT }, rand);
    const trans = Float64Array.from({ length: NT * NT }, rand);
    const start = Float64Array.from({ length: NT }, rand);
    const end = Float64Array.from({ length: NT }, rand);
    const path = new Uint8Array(n);
    let best = -Infinity;
    const bestAt = new Float64Array(n * NT).fill(-Infinity);
    const walk = (i: number, score: number): void => {
      if (i === n) {
        if (!canEnd(path[n - 1]!)) return;
        const total = score + end[path[n - 1]!]!;
        best = Math.max(best, total);
        for (let k = 0; k < n; k++) bestAt[k * NT + path[k]!] = Math.max(bestAt[k * NT + path[k]!]!, total);
        return;
      }
      for (let t = 0; t < NT; t++) {
        if (i === 0 ? !canStart(t) : !allowed(path[i - 1]!, t)) continue;
        path[i] = t;
        walk(i + 1, score + (i === 0 ? start[t]! : trans[path[i - 1]! * NT + t]!) + emit[i * NT + t]!);
      }
    };
    walk(0, 0);
    const tags = new Uint8Array(n);
    const { best: got, alpha } = viterbi(emit, n, trans, start, end, tags);
    expect(got).toBeCloseTo(best, 9);
    // The path it returns is valid and scores what it claims.
    let score = start[tags[0]!]! + emit[tags[0]!]!;
    for (let i = 1; i < n; i++) {
      expect(allowed(tags[i - 1]!, tags[i]!)).toBe(true);
      score += trans[tags[i - 1]! * NT + tags[i]!]! + emit[i * NT + tags[i]!]!;
    }
    expect(score + end[tags[n - 1]!]!).toBeCloseTo(best, 9);
    // The best path through any position and tag, from the forward scores up to there.
    let checked = 0;
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < NT; t++) {
        if (alpha[i * NT + t] === -Infinity) continue;
        const through = bestThrough(emit, alpha, n, trans, end, got, i, t, alpha[i * NT + t]!);
        if (bestAt[i * NT + t] === -Infinity) expect(through).toBe(-Infinity);
        else expect(through).toBeCloseTo(bestAt[i * NT + t]!, 9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('prices the best path through a tag on a long lattice as a full backward pass would', () => {
    // The walk stops where the constrained scores merge with the forward scores; a plain backward
    // pass over every position is the reference. Emissions favour O, as in text: paths merge fast.
    let seed = 11;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 10 - 5;
    const n = 300;
    const emit = Float64Array.from({ length: n * NT }, (_, k) => rand() + (k % NT === 0 ? 4 : 0));
    const trans = Float64Array.from({ length: NT * NT }, rand);
    const start = Float64Array.from({ length: NT }, rand);
    const end = Float64Array.from({ length: NT }, rand);
    const { best, alpha } = viterbi(emit, n, trans, start, end, new Uint8Array(n));
    const beta = new Float64Array(n * NT).fill(-Infinity);
    for (let a = 0; a < NT; a++) if (canEnd(a)) beta[(n - 1) * NT + a] = end[a]!;
    for (let i = n - 2; i >= 0; i--) {
      for (let a = 0; a < NT; a++) {
        for (let b = 0; b < NT; b++) {
          if (allowed(a, b)) beta[i * NT + a] = Math.max(beta[i * NT + a]!, trans[a * NT + b]! + emit[(i + 1) * NT + b]! + beta[(i + 1) * NT + b]!);
        }
      }
    }
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < NT; t++) {
        const through = bestThrough(emit, alpha, n, trans, end, best, i, t, alpha[i * NT + t]!);
        expect(through).toBeCloseTo(alpha[i * NT + t]! + beta[i * NT + t]!, 6);
      }
    }
  });

  it('Viterbi reads the transition scores as they are now (training changes them in place)', () => {
    const n = 4;
    const emit = new Float64Array(n * NT);
    const trans = new Float64Array(NT * NT);
    const start = new Float64Array(NT);
    const end = new Float64Array(NT);
    const tags = new Uint8Array(n);
    viterbi(emit, n, trans, start, end, tags);
    expect(Array.from(tags)).toEqual([0, 0, 0, 0]); // all ties: O
    trans[0 * NT + 4] = 5; // O → S-PER now pays
    trans[4 * NT + 0] = 5; // S-PER → O too
    viterbi(emit, n, trans, start, end, tags);
    expect(tags.includes(4)).toBe(true);
  });

  it('encodes and decodes the binary format without loss beyond quantization', () => {
    const t = defaultTagger()!;
    const back = Tagger.decode(t.encode());
    expect(back.features).toBe(t.features);
    expect(back.entTag.length).toBe(t.entTag.length);
    for (let i = 0; i < NT * NT; i++) expect(back.trans[i]).toBeCloseTo(t.trans[i]!, 4);
  });
});
