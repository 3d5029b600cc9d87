/**
 * The tagger's character features, in AssemblyScript compiled to WebAssembly (`npm run build:wasm` →
 * features.wasm, committed; tests/extract/kernel.test.ts checks it matches this source). The
 * JavaScript side (`server/src/extract/learn/features.ts`) lays out what a character can see —
 * character codes, cue bits, rule verdicts, jieba units, lexicon matches — and this loop turns it
 * into 43 hashes a character, the same for training and tagging.
 *
 * A feature is a 32-bit hash of its template id and values: fin(mix(…mix(SEED[t], a)…, c)), with
 * SEED[t] = mix(0x3c6ef372, t) (MurmurHash3's mixing steps). `featureHash` in features.ts is the
 * reference the tests hold this to.
 */

export const FEATURES = 43;

// @ts-ignore: decorator
@inline function mix(h: i32, v: i32): i32 {
  h = (h ^ v) * 0xcc9e2d51;
  h = rotl<i32>(h, 15);
  return (h * 0x1b873593) ^ 0xe6546b64;
}

// @ts-ignore: decorator
@inline function fin(h: i32): i32 {
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  return h ^ (h >>> 16);
}

// @ts-ignore: decorator
@inline function seed(t: i32): i32 {
  return mix(0x3c6ef372, t);
}

// @ts-ignore: decorator
@inline function f1(t: i32, a: i32): i32 {
  return fin(mix(seed(t), a));
}
// @ts-ignore: decorator
@inline function f2(t: i32, a: i32, b: i32): i32 {
  return fin(mix(mix(seed(t), a), b));
}
// @ts-ignore: decorator
@inline function f3(t: i32, a: i32, b: i32, c: i32): i32 {
  return fin(mix(mix(mix(seed(t), a), b), c));
}

// @ts-ignore: decorator
@inline function i32At(base: usize, k: i32): i32 {
  return load<i32>(base + (<usize>k << 2));
}

/**
 * Feature hashes for n characters into `out` (n × FEATURES int32). Inputs, all int32 unless said:
 *   codes   — n + 4 character classes: codes[i + 2] is character i's (−1 / −2 past either end)
 *   cues    — n + 2 cue bits: cues[i + 1] is character i's
 *   rules   — n + 2 rule verdicts (type × 4 + position + 1, 0 none): rules[i + 1] is character i's
 *   names   — n hashes of the covering rule's name and position
 *   unitOf  — n: the index + 1 of the unit covering character i (0 for none)
 *   units   — (m + 2) × 6: per unit index + 1, its tag id, word hash, info bits, organization head
 *             hash, start, end (index 0 and m + 1 stand for "no unit")
 *   lexicon — n × 6 per character: the longest dictionary name covering it (start << 8 | len << 3 |
 *             class), the longest starting there and the longest ending there (len << 3 | class,
 *             len capped at 8), the longest gazetteer name covering it (start << 8 | len), and
 *             whether one of ≥ 2 characters starts there (1 / 0), and the dictionary words around it
 *             whatever the segmentation (SoftLexicon): bits of the lengths (2, 3, 4, 5+) of words
 *             beginning there (bits 0–3), running through it (4–7), ending there (8–11), and whether
 *             such a word ends with an organization head (12–14: begins, runs through, ends)
 *   topics  — n: the topic of character i's sentence (1: a sports report, 0: other): in sports news MSRA annotates a
 *             country or city standing for its team as an organization (中国队, 辽宁 beat 上海), so
 *             templates 41–42 conjoin it with the rule verdict and the gazetteer's match; outside
 *             sports they are 0, "no feature" (training gives 0 no row: a constant there would be a
 *             second and third bias, which slowed training — more sentences wrong each epoch)
 */
export function featurize(n: i32, codes: usize, cues: usize, rules: usize, names: usize, unitOf: usize, units: usize, lexicon: usize, topics: usize, out: usize): void {
  for (let i = 0; i < n; i++) {
    const ku = i32At(unitOf, i);
    const u = units + <usize>ku * 24;
    const inUnit = ku != 0;
    const uStart = load<i32>(u, 16);
    const uEnd = load<i32>(u, 20);
    const ulen = inUnit ? uEnd - uStart : 1;
    const pos = !inUnit ? 4 : ulen == 1 ? 3 : i == uStart ? 0 : i == uEnd - 1 ? 2 : 1;
    const tag = inUnit ? load<i32>(u) : 0;
    const prevTag = inUnit ? load<i32>(u - 24) : 0;
    const nextTag = inUnit ? load<i32>(u + 24) : 0;
    const prevInfo = inUnit ? load<i32>(u - 24, 8) : 0;
    const nextInfo = inUnit ? load<i32>(u + 24, 8) : 0;
    const c0 = i32At(codes, i + 2);
    const cm1 = i32At(codes, i + 1);
    const cm2 = i32At(codes, i);
    const cp1 = i32At(codes, i + 3);
    const cp2 = i32At(codes, i + 4);
    const rPrev = i32At(rules, i);
    const r0 = i32At(rules, i + 1);
    const rNext = i32At(rules, i + 2);
    const lex = lexicon + <usize>i * 24;
    const nc = load<i32>(lex);
    const nL = (nc >>> 3) & 31;
    const ns = nc >>> 8;
    const npos = nL == 0 ? 4 : i == ns ? 0 : i == ns + nL - 1 ? 2 : 1;
    const ncls = nL != 0 ? nc & 7 : 0;
    const nb = nL >= 7 ? 7 : nL >= 5 ? 5 : nL;
    const gc = load<i32>(lex, 12);
    const placeStarts = load<i32>(lex, 16);
    const gL = gc & 255;
    const gs = gc >>> 8;
    const gpos = gL == 0 ? 4 : i == gs ? 0 : i == gs + gL - 1 ? 2 : 1;
    const gb = gL >= 5 ? 5 : gL;
    const starts = load<i32>(lex, 4);
    const ends = load<i32>(lex, 8);
    const soft = load<i32>(lex, 20);
    const sB = soft & 15;
    const sE = (soft >>> 8) & 15;
    const prevE = i > 0 ? (load<i32>(lex - 24, 20) >>> 8) & 15 : 0;
    const nextB = i + 1 < n ? load<i32>(lex + 24, 20) & 15 : 0;
    const topic = i32At(topics, i);
    const o = out + <usize>i * (FEATURES << 2);
    store<i32>(o, f1(0, 0), 0);
    store<i32>(o, f1(1, cm2), 4);
    store<i32>(o, f1(2, cm1), 8);
    store<i32>(o, f1(3, c0), 12);
    store<i32>(o, f1(4, cp1), 16);
    store<i32>(o, f1(5, cp2), 20);
    store<i32>(o, f2(6, cm1, c0), 24);
    store<i32>(o, f2(7, c0, cp1), 28);
    store<i32>(o, f2(8, cm2, cm1), 32);
    store<i32>(o, f2(9, cp1, cp2), 36);
    store<i32>(o, f2(10, cm1, cp1), 40);
    store<i32>(o, f2(11, tag, pos), 44);
    store<i32>(o, f3(12, tag, pos, c0), 48);
    store<i32>(o, f3(13, prevTag, pos, tag), 52);
    store<i32>(o, f3(14, nextTag, pos, tag), 56);
    store<i32>(o, f2(15, inUnit ? load<i32>(u, 4) : c0, pos), 60);
    store<i32>(o, f3(16, inUnit ? load<i32>(u, 8) : 0, pos, tag), 64);
    store<i32>(o, f1(17, r0), 68);
    store<i32>(o, f1(18, i32At(names, i)), 72);
    store<i32>(o, f2(19, rPrev, r0), 76);
    store<i32>(o, f2(20, r0, rNext), 80);
    store<i32>(o, f2(21, r0, c0), 84);
    store<i32>(o, f2(22, i32At(cues, i + 1), pos), 88);
    store<i32>(o, f3(23, i32At(cues, i), i32At(cues, i + 1), i32At(cues, i + 2)), 92);
    store<i32>(o, f2(24, inUnit ? load<i32>(u - 24, 4) : 0, pos), 96);
    store<i32>(o, f2(25, inUnit ? load<i32>(u + 24, 4) : 0, pos), 100);
    store<i32>(o, f3(26, prevInfo, nextInfo, pos), 104);
    store<i32>(o, f2(27, inUnit ? load<i32>(u, 12) : 0, pos), 108);
    store<i32>(o, f3(28, r0, tag, pos), 112);
    store<i32>(o, f3(29, cm1, c0, cp1), 116);
    store<i32>(o, f2(30, rPrev, rNext), 120);
    store<i32>(o, f3(31, ulen > 4 ? 5 : ulen, pos, i == uStart ? prevTag : nextTag), 124);
    store<i32>(o, f2(32, inUnit ? load<i32>(u + 24, 12) : 0, pos), 128);
    store<i32>(o, f3(33, r0, cm1, cp1), 132);
    store<i32>(o, f3(34, ncls, npos, nb), 136);
    store<i32>(o, f3(35, ncls * 8 + npos, tag, pos), 140);
    store<i32>(o, f3(36, gpos, gb, pos), 144);
    store<i32>(o, f3(37, starts, ends, placeStarts), 148);
    store<i32>(o, f1(38, soft & 0xfff), 152);
    store<i32>(o, f3(39, soft >>> 12, pos, tag), 156);
    store<i32>(o, f2(40, prevE | (sB << 4), nextB | (sE << 4)), 160);
    store<i32>(o, topic != 0 ? f3(41, r0, gpos * 8 + gb, ncls * 8 + npos) : 0, 164);
    store<i32>(o, topic != 0 ? f3(42, r0, cm1, cp1) : 0, 168);
  }
}
