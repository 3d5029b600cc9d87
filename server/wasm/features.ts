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

// The same hashes four templates at a time (lane k: template k of the four).
// @ts-ignore: decorator
@inline function mixv(h: v128, v: v128): v128 {
  h = i32x4.mul(v128.xor(h, v), i32x4.splat(0xcc9e2d51));
  h = v128.or(i32x4.shl(h, 15), i32x4.shr_u(h, 17));
  return v128.xor(i32x4.mul(h, i32x4.splat(0x1b873593)), i32x4.splat(0xe6546b64));
}

// @ts-ignore: decorator
@inline function finv(h: v128): v128 {
  h = v128.xor(h, i32x4.shr_u(h, 16));
  h = i32x4.mul(h, i32x4.splat(0x85ebca6b));
  h = v128.xor(h, i32x4.shr_u(h, 13));
  h = i32x4.mul(h, i32x4.splat(0xc2b2ae35));
  return v128.xor(h, i32x4.shr_u(h, 16));
}

/** Stores the four lanes of h at byte offsets a, b, c, d of o. */
// @ts-ignore: decorator
@inline function store4(o: usize, h: v128, a: usize, b: usize, c: usize, d: usize): void {
  store<i32>(o + a, i32x4.extract_lane(h, 0));
  store<i32>(o + b, i32x4.extract_lane(h, 1));
  store<i32>(o + c, i32x4.extract_lane(h, 2));
  store<i32>(o + d, i32x4.extract_lane(h, 3));
}

// @ts-ignore: decorator
@inline function vec(a: i32, b: i32, c: i32, d: i32): v128 {
  return i32x4.replace_lane(i32x4.replace_lane(i32x4.replace_lane(i32x4.splat(a), 1, b), 2, c), 3, d);
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
    { // templates 0, 1, 2, 3
      let h = vec(seed(0), seed(1), seed(2), seed(3));
      h = mixv(h, vec(0, cm2, cm1, c0));
      store4(o, finv(h), 0, 4, 8, 12);
    }
    { // templates 4, 5, 17, 18
      let h = vec(seed(4), seed(5), seed(17), seed(18));
      h = mixv(h, vec(cp1, cp2, r0, i32At(names, i)));
      store4(o, finv(h), 16, 20, 68, 72);
    }
    store<i32>(o, f1(38, soft & 0xfff), 152);
    { // templates 6, 7, 8, 9
      let h = vec(seed(6), seed(7), seed(8), seed(9));
      h = mixv(h, vec(cm1, c0, cm2, cp1));
      h = mixv(h, vec(c0, cp1, cm1, cp2));
      store4(o, finv(h), 24, 28, 32, 36);
    }
    { // templates 10, 11, 15, 19
      let h = vec(seed(10), seed(11), seed(15), seed(19));
      h = mixv(h, vec(cm1, tag, inUnit ? load<i32>(u, 4) : c0, rPrev));
      h = mixv(h, vec(cp1, pos, pos, r0));
      store4(o, finv(h), 40, 44, 60, 76);
    }
    { // templates 20, 21, 22, 24
      let h = vec(seed(20), seed(21), seed(22), seed(24));
      h = mixv(h, vec(r0, r0, i32At(cues, i + 1), inUnit ? load<i32>(u - 24, 4) : 0));
      h = mixv(h, vec(rNext, c0, pos, pos));
      store4(o, finv(h), 80, 84, 88, 96);
    }
    { // templates 25, 27, 30, 32
      let h = vec(seed(25), seed(27), seed(30), seed(32));
      h = mixv(h, vec(inUnit ? load<i32>(u + 24, 4) : 0, inUnit ? load<i32>(u, 12) : 0, rPrev, inUnit ? load<i32>(u + 24, 12) : 0));
      h = mixv(h, vec(pos, pos, rNext, pos));
      store4(o, finv(h), 100, 108, 120, 128);
    }
    store<i32>(o, f2(40, prevE | (sB << 4), nextB | (sE << 4)), 160);
    { // templates 12, 13, 14, 16
      let h = vec(seed(12), seed(13), seed(14), seed(16));
      h = mixv(h, vec(tag, prevTag, nextTag, inUnit ? load<i32>(u, 8) : 0));
      h = mixv(h, vec(pos, pos, pos, pos));
      h = mixv(h, vec(c0, tag, tag, tag));
      store4(o, finv(h), 48, 52, 56, 64);
    }
    { // templates 23, 26, 28, 29
      let h = vec(seed(23), seed(26), seed(28), seed(29));
      h = mixv(h, vec(i32At(cues, i), prevInfo, r0, cm1));
      h = mixv(h, vec(i32At(cues, i + 1), nextInfo, tag, c0));
      h = mixv(h, vec(i32At(cues, i + 2), pos, pos, cp1));
      store4(o, finv(h), 92, 104, 112, 116);
    }
    { // templates 31, 33, 34, 35
      let h = vec(seed(31), seed(33), seed(34), seed(35));
      h = mixv(h, vec(ulen > 4 ? 5 : ulen, r0, ncls, ncls * 8 + npos));
      h = mixv(h, vec(pos, cm1, npos, tag));
      h = mixv(h, vec(i == uStart ? prevTag : nextTag, cp1, nb, pos));
      store4(o, finv(h), 124, 132, 136, 140);
    }
    { // templates 36, 37, 39, 41
      let h = vec(seed(36), seed(37), seed(39), seed(41));
      h = mixv(h, vec(gpos, starts, soft >>> 12, r0));
      h = mixv(h, vec(gb, ends, pos, gpos * 8 + gb));
      h = mixv(h, vec(pos, placeStarts, tag, ncls * 8 + npos));
      store4(o, finv(h), 144, 148, 156, 164);
      if (topic == 0) store<i32>(o, 0, 164);
    }
    store<i32>(o, topic != 0 ? f3(42, r0, cm1, cp1) : 0, 168);
  }
}
