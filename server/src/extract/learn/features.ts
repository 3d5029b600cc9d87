/**
 * Character features for the learned tagger. Every feature is a 32-bit hash of (template id, values)
 * computed with integer math only — no strings are built per character. The same code serves
 * training (`train.ts`) and tagging (`model.ts`), so the two can never drift apart.
 *
 * What a character sees: the characters around it (−2..+2, bigrams), the jieba unit it sits in
 * (part-of-speech tag, position in the word, the word itself, its neighbours), cue lists written from
 * knowledge of the language (surnames, given-name and transliteration characters, country and
 * province abbreviations, titles, organization and place heads), the gazetteer flag of its unit, and
 * the rule extractor's own verdict for it (type × position × rule), and the dictionary's and the
 * gazetteer's names matched over the characters independently of jieba's segmentation (the longest
 * name word covering the character: its class — person, transliterated person, place, organization,
 * other proper noun, abbreviation — position and length). Nothing here comes from an evaluation file.
 */
import type { Span } from '../chinese/span.ts';
import type { Unit } from '../chinese/units.ts';
import {
  COMPOUND_SURNAMES, GIVEN_NAME_CHARS, ORG_SUFFIXES, PERSON_SUFFIX_WORDS, PLACE_SUFFIXES, SURNAMES, TITLES, TRANSLIT_CHARS,
} from '../chinese/cues.ts';
import { nameWords } from '../chinese/tokens.ts';
import { placeWords } from '../chinese/units.ts';
import { COUNTRY_ABBREVIATIONS, PROVINCE_ABBREVIATIONS } from '../chinese/world.ts';

/** Features per character (fixed, so feature arrays are n × FEATURES). */
export const FEATURES = 38;

// Entity types of the rule spans, as small integers (0 = none).
const SPAN_TYPE: Record<string, number> = { Person: 1, Place: 2, Organization: 3, Project: 4 };

// Tag and rule names → stable hashes (cached; the same in training and tagging whatever the order).
const nameIds = new Map<string, number>();
function idOf(key: string): number {
  let id = nameIds.get(key);
  if (id === undefined) {
    id = strHash(key);
    nameIds.set(key, id);
  }
  return id;
}

/** Stable string hash (FNV-1a over UTF-16 units). */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return Math.imul(h, 0x1b873593) ^ 0xe6546b64;
}

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

// Template seeds, mix(0x3c6ef372, template), computed once: a feature is fin(mix(…mix(SEED[t], a)…, c)).
const SEED = Int32Array.from({ length: 64 }, (_, t) => mix(0x3c6ef372, t));
/** How many values each template hashes (template t fills slot t). */
const ARITY = Uint8Array.from([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 2, 3, 1, 1, 2, 2, 2, 2, 3, 2, 2, 3, 2, 3, 3, 2, 3, 2, 3, 3, 3, 3, 3]);

/** Template t's hash of its values: what `featurize` computes inline for every slot. */
export function featureHash(t: number, ...values: number[]): number {
  let h = SEED[t]!;
  for (const v of values) h = mix(h, v);
  return fin(h);
}

// Cue bits per character code.
const CUE = new Uint8Array(0x10000);
const addCue = (chars: Iterable<string>, bit: number) => {
  for (const ch of chars) if (ch.length === 1) CUE[ch.charCodeAt(0)] = CUE[ch.charCodeAt(0)]! | bit;
};
addCue(SURNAMES, 1);
addCue([...COMPOUND_SURNAMES].map((s) => s[0]!), 2);
addCue(GIVEN_NAME_CHARS, 4);
addCue(TRANSLIT_CHARS, 8);
addCue(COUNTRY_ABBREVIATIONS, 16);
addCue(PROVINCE_ABBREVIATIONS, 32);
addCue([...PLACE_SUFFIXES].filter((s) => s.length === 1), 64);
addCue([...ORG_SUFFIXES].filter((s) => s.length === 1), 128);

const MAX_ORG_SUFFIX = 6;
function endsWithAny(set: Set<string>, s: string, max: number): number {
  for (let n = Math.min(max, s.length); n >= 1; n--) {
    const tail = n === s.length ? s : s.slice(s.length - n);
    if (set.has(tail)) return n;
  }
  return 0;
}

/** Character class: digits and Latin letters fold to one code each, so numbers generalize. */
function charCode(text: string, i: number): number {
  if (i < 0) return -1;
  if (i >= text.length) return -2;
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 0x41;
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return 0x20;
  return c;
}

// Scratch buffers reused across calls (one thread runs one featurize at a time): allocating them per
// article streams fresh memory through the cache and evicts the model's weights.
let codes: Int32Array = new Int32Array(0);
let cues: Int32Array = new Int32Array(0);
let ruleTag: Int32Array = new Int32Array(0);
let ruleName: Int32Array = new Int32Array(0);
let uTag: Int32Array = new Int32Array(0);
let uHash: Int32Array = new Int32Array(0);
let uInfo: Int32Array = new Int32Array(0);
let uOrgHead: Int32Array = new Int32Array(0);
let outBuf: Int32Array = new Int32Array(0);
/** One character's template values, 3 a template (see ARITY). */
const v = new Int32Array(FEATURES * 3);
// Lexicon matches: longest name word / place name starting at each position, and per character the
// longest one covering it (length, start, class) and the longest one ending there (length × 8 + class).
let nwLen = new Uint8Array(0);
let nwCls = new Uint8Array(0);
let gzLen = new Uint8Array(0);
let nwCover = new Int32Array(0); // start << 8 | len << 3 | cls
let nwEnd = new Int32Array(0);
let gzCover = new Int32Array(0); // start << 8 | len

function grow(a: Int32Array, n: number): Int32Array {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

/**
 * Feature hashes for every character of `text`: an Int32Array of text.length × FEATURES.
 * `units` cover the text (jieba tokens after gazetteer merging); `rules` are the rule extractor's spans.
 * With `scratch`, the result is a view of a buffer reused by the next call.
 */
export function featurize(text: string, units: Unit[], rules: Span[], scratch = false): Int32Array {
  const n = text.length;
  let out: Int32Array;
  if (scratch) {
    outBuf = grow(outBuf, n * FEATURES);
    out = outBuf.subarray(0, n * FEATURES);
  } else out = new Int32Array(n * FEATURES);
  if (n + 4 > codes.length) {
    codes = grow(codes, n + 4);
    cues = grow(cues, n + 2);
    ruleTag = grow(ruleTag, n + 2);
    ruleName = grow(ruleName, n);
  }
  if (n + 1 > nwLen.length) {
    const cap = Math.max(n + 1, nwLen.length * 2);
    nwLen = new Uint8Array(cap);
    nwCls = new Uint8Array(cap);
    gzLen = new Uint8Array(cap);
    nwCover = new Int32Array(cap);
    nwEnd = new Int32Array(cap);
    gzCover = new Int32Array(cap);
  }
  // Dictionary names (jieba's nr/ns/nt/nz/j words) and gazetteer names wherever they occur, whatever
  // jieba's segmentation: the longest covering each character, and the longest ending at it.
  nameWords(text, nwLen, nwCls);
  placeWords(text, gzLen);
  nwCover.fill(0, 0, n);
  nwEnd.fill(0, 0, n);
  gzCover.fill(0, 0, n);
  for (let s = 0; s < n; s++) {
    const L = nwLen[s]!;
    if (L) {
      const v = (s << 8) | (L << 3) | nwCls[s]!;
      for (let k = s; k < s + L; k++) if (((nwCover[k]! >>> 3) & 31) < L) nwCover[k] = v;
      const e = s + L - 1;
      if ((nwEnd[e]! >>> 3) < L) nwEnd[e] = (L << 3) | nwCls[s]!;
    }
    const G = gzLen[s]!;
    if (G >= 2) {
      const v = (s << 8) | G;
      for (let k = s; k < s + G; k++) if ((gzCover[k]! & 255) < G) gzCover[k] = v;
    }
  }
  // Per-character context.
  for (let i = -2; i < n + 2; i++) codes[i + 2] = charCode(text, i);
  cues[0] = 0;
  cues[n + 1] = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i + 2]!;
    cues[i + 1] = c >= 0 ? CUE[c]! : 0;
  }
  ruleTag.fill(0, 0, n + 2); // (type × 4 + position) + 1
  ruleName.fill(0, 0, n);
  for (const s of rules) {
    const type = SPAN_TYPE[s.type] ?? 0;
    const rid = idOf(s.rule);
    for (let k = s.start; k < s.end && k < n; k++) {
      const pos = s.end - s.start === 1 ? 3 : k === s.start ? 0 : k === s.end - 1 ? 2 : 1;
      ruleTag[k + 1] = type * 4 + pos + 1;
      ruleName[k] = mix(rid, pos + 1);
    }
  }
  // Unit-level values, computed once per unit.
  const m = units.length;
  if (m + 2 > uTag.length) {
    uTag = grow(uTag, m + 2);
    uHash = grow(uHash, m + 2);
    uInfo = grow(uInfo, m + 2); // length bucket, place flag, title/org-head/place-head/person-suffix flags
    uOrgHead = grow(uOrgHead, m + 2);
  }
  uTag[0] = uTag[m + 1] = 0;
  uInfo[0] = uInfo[m + 1] = 0;
  uOrgHead[0] = uOrgHead[m + 1] = 0;
  uHash[0] = -11;
  uHash[m + 1] = -12;
  for (let k = 0; k < m; k++) {
    const u = units[k]!;
    const t = u.text;
    uTag[k + 1] = idOf(u.tag);
    uHash[k + 1] = strHash(t);
    const len = t.length >= 4 ? 4 : t.length;
    let info = len | (u.place ? 8 : 0);
    if (TITLES.has(t)) info |= 16;
    if (PERSON_SUFFIX_WORDS.has(t)) info |= 32;
    if (t.length >= 2 && PLACE_SUFFIXES.has(t)) info |= 64;
    uInfo[k + 1] = info;
    const org = endsWithAny(ORG_SUFFIXES, t, MAX_ORG_SUFFIX);
    uOrgHead[k + 1] = org ? strHash(t.slice(t.length - org)) : 0;
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k < m - 1 && units[k]!.end <= i) k++;
    const u = units[k];
    const inUnit = !!u && u.start <= i && i < u.end;
    const ku = inUnit ? k + 1 : 0;
    const ulen = inUnit ? u!.end - u!.start : 1;
    const pos = !inUnit ? 4 : ulen === 1 ? 3 : i === u!.start ? 0 : i === u!.end - 1 ? 2 : 1;
    const tag = ku ? uTag[ku]! : 0;
    const prevTag = ku ? uTag[ku - 1]! : 0;
    const nextTag = ku ? uTag[ku + 1]! : 0;
    const prevInfo = ku ? uInfo[ku - 1]! : 0;
    const nextInfo = ku ? uInfo[ku + 1]! : 0;
    const c0 = codes[i + 2]!;
    const cm1 = codes[i + 1]!;
    const cm2 = codes[i]!;
    const cp1 = codes[i + 3]!;
    const cp2 = codes[i + 4]!;
    const r0 = ruleTag[i + 1]!;
    const o = i * FEATURES;
    // Template t's values go to v[3t], v[3t + 1], v[3t + 2] (ARITY[t] of them).
    v[3 * 0] = 0;
    v[3 * 1] = cm2;
    v[3 * 2] = cm1;
    v[3 * 3] = c0;
    v[3 * 4] = cp1;
    v[3 * 5] = cp2;
    v[3 * 6] = cm1; v[3 * 6 + 1] = c0;
    v[3 * 7] = c0; v[3 * 7 + 1] = cp1;
    v[3 * 8] = cm2; v[3 * 8 + 1] = cm1;
    v[3 * 9] = cp1; v[3 * 9 + 1] = cp2;
    v[3 * 10] = cm1; v[3 * 10 + 1] = cp1;
    v[3 * 11] = tag; v[3 * 11 + 1] = pos;
    v[3 * 12] = tag; v[3 * 12 + 1] = pos; v[3 * 12 + 2] = c0;
    v[3 * 13] = prevTag; v[3 * 13 + 1] = pos; v[3 * 13 + 2] = tag;
    v[3 * 14] = nextTag; v[3 * 14 + 1] = pos; v[3 * 14 + 2] = tag;
    v[3 * 15] = ku ? uHash[ku]! : c0; v[3 * 15 + 1] = pos;
    v[3 * 16] = ku ? uInfo[ku]! : 0; v[3 * 16 + 1] = pos; v[3 * 16 + 2] = tag;
    v[3 * 17] = r0;
    v[3 * 18] = ruleName[i]!;
    v[3 * 19] = ruleTag[i]!; v[3 * 19 + 1] = r0;
    v[3 * 20] = r0; v[3 * 20 + 1] = ruleTag[i + 2]!;
    v[3 * 21] = r0; v[3 * 21 + 1] = c0;
    v[3 * 22] = cues[i + 1]!; v[3 * 22 + 1] = pos;
    v[3 * 23] = cues[i]!; v[3 * 23 + 1] = cues[i + 1]!; v[3 * 23 + 2] = cues[i + 2]!;
    v[3 * 24] = ku ? uHash[ku - 1]! : 0; v[3 * 24 + 1] = pos;
    v[3 * 25] = ku ? uHash[ku + 1]! : 0; v[3 * 25 + 1] = pos;
    v[3 * 26] = prevInfo; v[3 * 26 + 1] = nextInfo; v[3 * 26 + 2] = pos;
    v[3 * 27] = ku ? uOrgHead[ku]! : 0; v[3 * 27 + 1] = pos;
    v[3 * 28] = r0; v[3 * 28 + 1] = tag; v[3 * 28 + 2] = pos;
    v[3 * 29] = cm1; v[3 * 29 + 1] = c0; v[3 * 29 + 2] = cp1;
    v[3 * 30] = ruleTag[i]!; v[3 * 30 + 1] = ruleTag[i + 2]!;
    v[3 * 31] = ulen > 4 ? 5 : ulen; v[3 * 31 + 1] = pos; v[3 * 31 + 2] = i === u?.start ? prevTag : nextTag;
    v[3 * 32] = ku ? uOrgHead[ku + 1]! : 0; v[3 * 32 + 1] = pos;
    v[3 * 33] = r0; v[3 * 33 + 1] = cm1; v[3 * 33 + 2] = cp1;
    // The lexicon matches: name class × position × length, × the jieba unit; the gazetteer's; edges.
    const nc = nwCover[i]!;
    const nL = (nc >>> 3) & 31;
    const ns = nc >>> 8;
    const npos = nL === 0 ? 4 : i === ns ? 0 : i === ns + nL - 1 ? 2 : 1;
    const ncls = nL ? nc & 7 : 0;
    const nb = nL >= 7 ? 7 : nL >= 5 ? 5 : nL;
    const gc = gzCover[i]!;
    const gL = gc & 255;
    const gs = gc >>> 8;
    const gpos = gL === 0 ? 4 : i === gs ? 0 : i === gs + gL - 1 ? 2 : 1;
    const gb = gL >= 5 ? 5 : gL;
    v[3 * 34] = ncls; v[3 * 34 + 1] = npos; v[3 * 34 + 2] = nb;
    v[3 * 35] = ncls * 8 + npos; v[3 * 35 + 1] = tag; v[3 * 35 + 2] = pos;
    v[3 * 36] = gpos; v[3 * 36 + 1] = gb; v[3 * 36 + 2] = pos;
    const st = nwLen[i]! ? (Math.min(nwLen[i]!, 8) << 3) | nwCls[i]! : 0;
    const en = nwEnd[i]! ? (Math.min(nwEnd[i]! >>> 3, 8) << 3) | (nwEnd[i]! & 7) : 0;
    v[3 * 37] = st; v[3 * 37 + 1] = en; v[3 * 37 + 2] = gzLen[i]! >= 2 ? 1 : 0;
    // Every template's hash in one loop with the hash written out once: 38 calls a character were
    // more than V8 would inline, and the calls cost as much as the arithmetic.
    for (let f = 0; f < FEATURES; f++) {
      let h = SEED[f]!;
      for (let j = 0, n = ARITY[f]!; j < n; j++) {
        h = Math.imul(h ^ v[3 * f + j]!, 0xcc9e2d51);
        h = (h << 15) | (h >>> 17);
        h = Math.imul(h, 0x1b873593) ^ 0xe6546b64;
      }
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      out[o + f] = (h ^ (h >>> 16)) | 0;
    }
  }
  return out;
}
