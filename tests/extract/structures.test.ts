import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flattenTrie, gazetteer, longestInFlatTrie, longestInTrie, newTrie } from '../../server/src/extract/chinese/gazetteer.ts';
import { ENTITY_CLASS, dictEntry, dictTag, nameWords } from '../../server/src/extract/chinese/tokens.ts';
import { foldWidth } from '../../server/src/extract/text/fold.ts';
import { recognizeRules } from '../../server/src/extract/chinese/recognize.ts';
import { HOT_SLOTS, defaultTagger } from '../../server/src/extract/learn/model.ts';
import { HotRows } from '../../server/src/extract/learn/hot-rows.ts';
import { NT } from '../../server/src/extract/learn/tags.ts';
import { FEATURES, featureHash, featurize } from '../../server/src/extract/learn/features.ts';

const page = foldWidth(readFileSync(fileURLToPath(new URL('../../samples/gaoxin-2020-05.txt', import.meta.url)), 'utf8'));

// The speed work replaced Maps with typed-array structures; these check they give the same answers.
describe('compact lookup structures', () => {
  it('the flat gazetteer trie matches the Map trie at every position of the sample page', () => {
    const trie = newTrie(gazetteer().matchable);
    const flat = flattenTrie(trie);
    for (let i = 0; i < page.length; i++) expect(longestInFlatTrie(flat, page, i, 24)).toBe(longestInTrie(trie, page, i, 24));
  });

  it('the dictionary table gives jieba tags and frequencies, our added words included', () => {
    expect(dictTag('北京')).toBe('ns');
    expect(dictEntry('北京')!.freq).toBeGreaterThan(1000);
    expect(dictTag('党工委')).toBe('nt');
    expect(dictEntry('常务副主任')).toEqual({ freq: 2000, tag: 'nn' });
    expect(dictTag('兴东李')).toBeUndefined();
  });

  it('the lexicon scan finds the longest name word at every position, as slicing and looking up would', () => {
    const text = page.slice(0, 3000) + '北京大学的克林顿在新华社和中央电视台见到北大校长、全国人大常委会';
    const len = new Uint8Array(text.length);
    const cls = new Uint8Array(text.length);
    nameWords(text, len, cls);
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      let best = 0;
      let bestCls = 0;
      const c = text.charCodeAt(i);
      if (c >= 0x3400 && c <= 0x9fff) {
        for (let n = 2; n <= 15 && i + n <= text.length; n++) {
          const k = ENTITY_CLASS[dictTag(text.slice(i, i + n)) ?? ''] ?? 0;
          if (k) [best, bestCls] = [n, k];
        }
      }
      expect([len[i], cls[i]]).toEqual([best, bestCls]);
      if (best) found++;
    }
    expect(found).toBeGreaterThan(50);
  });

  it('emission scores are the exact rows of the hot features plus the quantized rows of the others', () => {
    const t = defaultTagger()!;
    const text = page.slice(0, 400);
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    const emit = t.emissions(feats, text.length);
    const rowOf = new Map<number, number>();
    t.keys.forEach((k, r) => rowOf.set(k, r));
    let coldKnown = 0;
    for (let i = 0; i < text.length; i++) {
      const expected = new Float64Array(NT);
      for (let f = 0; f < FEATURES; f++) {
        const key = feats[i * FEATURES + f]!;
        if (!HOT_SLOTS.includes(f)) {
          const q = t.table.quantizedRow(key);
          if (q.some((w) => w !== 0)) coldKnown++;
          q.forEach((w, tag) => (expected[tag]! += w));
          continue;
        }
        const r = rowOf.get(key);
        if (r === undefined) continue;
        for (let e = t.rowStart[r]!; e < t.rowStart[r + 1]!; e++) expected[t.entTag[e]!]! += t.entWeight[e]!;
      }
      for (let tag = 0; tag < NT; tag++) expect(emit[i * NT + tag]).toBeCloseTo(expected[tag]!, 3);
    }
    expect(coldKnown).toBeGreaterThan(1000);
  });

  it('the quantized weight table holds every feature of the model, each weight within 1.7 % of 1 + |w|', () => {
    const t = defaultTagger()!;
    const levels = t.table.levels;
    expect(levels[0]).toBe(0);
    for (let c = 2; c < 256; c++) expect(levels[c]!).toBeGreaterThanOrEqual(levels[c - 1]!);
    let worst = 0;
    let sumRelative = 0;
    let invented = 0; // weights where the model has none
    for (let r = 0; r < t.keys.length; r++) {
      const q = t.table.quantizedRow(t.keys[r]!);
      const exact = new Float64Array(NT);
      for (let e = t.rowStart[r]!; e < t.rowStart[r + 1]!; e++) exact[t.entTag[e]!] = t.entWeight[e]!;
      for (let tag = 0; tag < NT; tag++) {
        if (exact[tag] === 0 && q[tag] !== 0) invented++;
        const err = Math.abs(q[tag]! - exact[tag]!);
        // Relative to the weight: levels are sparse only among the few large weights.
        worst = Math.max(worst, err / Math.max(1, Math.abs(exact[tag]!)));
        sumRelative += err / (1 + Math.abs(exact[tag]!));
      }
    }
    expect(invented).toBe(0);
    expect(worst).toBeLessThan(0.035);
    // Rounding to the nearest of evenly spaced levels: on average a quarter of the spacing (< 1 %).
    expect(sumRelative / t.entWeight.length).toBeLessThan(0.01);
    // A hash the model does not have scores nothing.
    expect([...t.table.quantizedRow(0x1234567)].every((w) => w === 0) || t.keys.includes(0x1234567)).toBe(true);
  });

  it('the hot rows keep their answers as their tables grow', () => {
    const t = defaultTagger()!;
    const hot = new HotRows(t.table);
    const known = Array.from(t.keys.slice(0, 3000));
    const unknown = Array.from({ length: 3000 }, (_, i) => 0x5f000000 + i).filter((k) => !t.keys.includes(k));
    const first = new Map([...known, ...unknown].map((k) => [k, hot.row(k)]));
    for (const k of unknown) expect(first.get(k)).toBe(0);
    for (const [k, at] of first) expect(hot.row(k)).toBe(at);
    // A known feature's hot row is its exact row.
    const exact = new Float32Array(NT);
    for (let e = t.rowStart[5]!; e < t.rowStart[6]!; e++) exact[t.entTag[e]!] = t.entWeight[e]!;
    expect(Array.from(hot.rows.subarray(hot.row(t.keys[5]!), hot.row(t.keys[5]!) + NT))).toEqual(Array.from(exact));
    // Group rows: 3000 combinations (past the first table's 1,024), each the sum of its members' rows.
    const feats = Int32Array.from(known.flatMap((k, i) => [k, known[(i * 7) % known.length]!]));
    const members = Uint8Array.from([0, 1]);
    const at = known.map((_, i) => hot.groupRow(feats, 2 * i, members, 0));
    known.forEach((_, i) => {
      expect(hot.groupRow(feats, 2 * i, members, 0)).toBe(at[i]);
      const a = hot.row(feats[2 * i]!);
      const b = hot.row(feats[2 * i + 1]!);
      for (let tag = 0; tag < NT; tag++) expect(hot.groupRows[at[i]! + tag]).toBeCloseTo(hot.rows[a + tag]! + hot.rows[b + tag]!, 4);
    });
  });

  it('featurize hashes each template as the reference hash does (the inline loop cannot drift)', () => {
    const text = '卢氏县委副书记李兴东';
    const { units, spans } = recognizeRules(text);
    const feats = featurize(text, units, spans);
    const code = (i: number) => (i < 0 ? -1 : i >= text.length ? -2 : text.charCodeAt(i));
    for (let i = 0; i < text.length; i++) {
      const at = (slot: number) => feats[i * FEATURES + slot];
      expect(at(0)).toBe(featureHash(0, 0)); // bias
      expect(at(3)).toBe(featureHash(3, code(i))); // the character
      expect(at(6)).toBe(featureHash(6, code(i - 1), code(i))); // bigram to the left
      expect(at(29)).toBe(featureHash(29, code(i - 1), code(i), code(i + 1))); // trigram
    }
    expect(new Set(Array.from(feats)).size).toBeGreaterThan(text.length * 20);
  });
});
