/**
 * Character features for the learned tagger. Every feature is a 32-bit hash of (template id, values)
 * computed with integer math only — no strings are built per character. The same code serves
 * training (`train.ts`) and tagging (`model.ts`), so the two can never drift apart. This module lays
 * out what each character sees; the per-character loop that turns it into 43 hashes runs in
 * WebAssembly (`server/wasm/features.ts`, where the templates are listed).
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
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Span } from '../chinese/span.ts';
import type { Unit } from '../chinese/units.ts';
import {
  COMPOUND_SURNAMES, GIVEN_NAME_CHARS, ORG_HEADS, ORG_SUFFIXES, PERSON_SUFFIX_WORDS, PLACE_SUFFIXES, SURNAMES, TITLES, TRANSLIT_CHARS, isPersonSuffixWord, isPlaceSuffix, isTitle, longestSuffix,
} from '../chinese/cues.ts';
import { dictionaryWords, type DictionaryMatches } from '../chinese/tokens.ts';
import { placeWords } from '../chinese/units.ts';
import { COUNTRY_ABBREVIATIONS, PROVINCE_ABBREVIATIONS } from '../chinese/world.ts';

/** Features per character (fixed, so feature arrays are n × FEATURES). */
export const FEATURES = 43;

/**
 * Words of a sports report. MSRA annotates a country, province or city standing for its team as an
 * organization (意大利、德国等老牌世界冠军; 辽宁以3比1胜上海), elsewhere a place: the tagger needs the
 * sentence's topic to tell them apart (templates 41–42). A score counts (3比1, 71∶7; not 9:30, a
 * time); 队 is a team, but not in 部队, 军队, 队伍, 队员, 队长 nor the work, medical, survey… teams of
 * government news (工作队, 医疗队, 考察队, 乐队, 车队, 舰队, 团队, 排队).
 */
const SPORTS = /比赛|赛季|联赛|决赛|半决赛|复赛|预赛|锦标赛|大奖赛|世界杯|奥运|亚运|全运|冠军|亚军|季军|夺冠|卫冕|出线|击败|战胜|负于|不敌|战平|逼平|淘汰|积分|进球|射门|主场|客场|球队|足球|篮球|排球|乒乓|网球|羽毛球|棋手|选手|教练|甲级|乙级|甲A|甲B|[0-9]+ ?[∶比] ?[0-9]+|(?<![部军作疗防察击务探逻车乐蹈仗卫援传测船舰机团编插站排连])队(?![伍员长部])/;
/** Where a sentence ends, for the topic: the tagger reads a whole article, and one report can cite another. */
const SENTENCE_END = /[。！？；!?;\n]/g;

/** 1 when the text reads as a sports report (see SPORTS), else 0. */
export function sportsTopic(text: string): number {
  return SPORTS.test(text) ? 1 : 0;
}

/** Each character's sentence topic (`sportsTopic` of the sentence around it) into `out`. */
function sentenceTopics(text: string, out: Int32Array): void {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (;;) {
    const m = SENTENCE_END.exec(text);
    const end = m ? m.index + 1 : text.length;
    out.fill(end > start ? sportsTopic(text.slice(start, end)) : 0, start, end);
    if (!m) break;
    start = end;
  }
}

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
/** Template t's hash of its values: the reference for the kernel's inline hashing (tests hold it to this). */
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
/** Lexicon values per character (see server/wasm/features.ts). */
const LEX = 6;

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

const emptyMatches = (cap: number): DictionaryMatches => ({
  nameLength: new Uint8Array(cap), nameClass: new Uint8Array(cap), begin: new Uint8Array(cap), mid: new Uint8Array(cap), end: new Uint8Array(cap), org: new Uint8Array(cap),
});

/** The dictionary and gazetteer scans of a text that `featurize` reads (arrays of at least its length). */
export interface TextScans {
  dict: DictionaryMatches;
  /** The length of the longest gazetteer name starting at each character (`placeWords`). */
  places: Uint8Array;
}

/** Room for the scans of `n` characters. */
const newTextScans = (n: number): TextScans => ({ dict: emptyMatches(n), places: new Uint8Array(n) });

/** Scans a text for `featurize`: its dictionary words, then its gazetteer names. */
function scanText(text: string, into: TextScans): void {
  dictionaryWords(text, into.dict);
  placeWords(text, into.places);
}

/** The scans of a batch's texts (`scanTexts`), reused from batch to batch. */
let batchScans = newTextScans(0);

/**
 * The scans of several texts, for `featurize` to read: every text's dictionary words, then every
 * text's gazetteer names, so that each table stays in cache for the whole batch. Valid until the
 * next call.
 */
export function scanTexts(texts: string[]): TextScans[] {
  let total = 0;
  for (const t of texts) total += t.length;
  if (total > batchScans.places.length) batchScans = newTextScans(Math.max(total, 2 * batchScans.places.length));
  const d = batchScans.dict;
  let at = 0;
  const scans = texts.map((t) => {
    const view = (a: Uint8Array) => a.subarray(at, at + t.length);
    const s = { dict: { nameLength: view(d.nameLength), nameClass: view(d.nameClass), begin: view(d.begin), mid: view(d.mid), end: view(d.end), org: view(d.org) }, places: view(batchScans.places) };
    at += t.length;
    return s;
  });
  texts.forEach((t, k) => dictionaryWords(t, scans[k]!.dict));
  texts.forEach((t, k) => placeWords(t, scans[k]!.places));
  return scans;
}

// Reused across calls (one thread runs one featurize at a time): the scans of a text featurized alone,
// and the longest name word ending at each position.
let own = newTextScans(0);
let nwEnd = new Int32Array(0);

interface Kernel {
  memory: WebAssembly.Memory;
  featurize(n: number, codes: number, cues: number, rules: number, names: number, unitOf: number, units: number, lexicon: number, topics: number, out: number): void;
}
let kernel: Kernel | undefined;
const KERNEL_PATH = fileURLToPath(new URL('../../../wasm/features.wasm', import.meta.url));

/** The inputs of the features kernel (see server/wasm/features.ts), laid out for n characters and m units. */
function layout(n: number, m: number) {
  kernel ??= new WebAssembly.Instance(new WebAssembly.Module(readFileSync(KERNEL_PATH)), {}).exports as unknown as Kernel;
  // Byte offsets, one array after the other (int32 each).
  const codes = 0;
  const cues = codes + 4 * (n + 4);
  const rules = cues + 4 * (n + 2);
  const names = rules + 4 * (n + 2);
  const unitOf = names + 4 * n;
  const units = unitOf + 4 * n;
  const lexicon = units + 4 * 6 * (m + 2);
  const topics = lexicon + 4 * LEX * n;
  const out = topics + 4 * n;
  const end = out + 4 * n * FEATURES;
  const have = kernel.memory.buffer.byteLength;
  if (end > have) kernel.memory.grow(Math.ceil((end - have) / 65536));
  const mem = kernel.memory.buffer;
  return {
    at: { codes, cues, rules, names, unitOf, units, lexicon, topics, out },
    codes: new Int32Array(mem, codes, n + 4), cues: new Int32Array(mem, cues, n + 2), rules: new Int32Array(mem, rules, n + 2),
    names: new Int32Array(mem, names, n), unitOf: new Int32Array(mem, unitOf, n), units: new Int32Array(mem, units, 6 * (m + 2)),
    lexicon: new Int32Array(mem, lexicon, LEX * n), topics: new Int32Array(mem, topics, n), out: new Int32Array(mem, out, n * FEATURES),
  };
}

/**
 * Feature hashes for every character of `text`: an Int32Array of text.length × FEATURES.
 * `units` cover the text (jieba tokens after gazetteer merging); `rules` are the rule extractor's spans.
 * Written into `out` when given (the tagger passes its kernel's memory), else into a new array.
 */
export function featurize(text: string, units: Unit[], rules: Span[], out: Int32Array<ArrayBufferLike> = new Int32Array(text.length * FEATURES), scans?: TextScans): Int32Array<ArrayBufferLike> {
  const n = text.length;
  const m = units.length;
  const mem = layout(n, m);
  if (n + 1 > nwEnd.length) {
    const cap = Math.max(n + 1, nwEnd.length * 2);
    own = { dict: emptyMatches(cap), places: new Uint8Array(cap) };
    nwEnd = new Int32Array(cap);
  }
  // Dictionary names (jieba's nr/ns/nt/nz/j words) and gazetteer names wherever they occur, whatever
  // jieba's segmentation: the longest covering each character, and the longest ending at it.
  if (!scans) {
    scans = own;
    scanText(text, scans);
  }
  const gzLen = scans.places;
  const { nameLength: nwLen, nameClass: nwCls, begin: lwBegin, mid: lwMid, end: lwEnd, org: lwOrg } = scans.dict;
  const lex = mem.lexicon;
  lex.fill(0);
  nwEnd.fill(0, 0, n);
  for (let s = 0; s < n; s++) {
    const L = nwLen[s]!;
    if (L) {
      const v = (s << 8) | (L << 3) | nwCls[s]!;
      for (let k = s; k < s + L; k++) if (((lex[LEX * k]! >>> 3) & 31) < L) lex[LEX * k] = v;
      const e = s + L - 1;
      if ((nwEnd[e]! >>> 3) < L) nwEnd[e] = (L << 3) | nwCls[s]!;
    }
    const G = gzLen[s]!;
    if (G >= 2) {
      const v = (s << 8) | G;
      for (let k = s; k < s + G; k++) if ((lex[LEX * k + 3]! & 255) < G) lex[LEX * k + 3] = v;
    }
  }
  for (let i = 0; i < n; i++) {
    lex[LEX * i + 1] = nwLen[i]! ? (Math.min(nwLen[i]!, 8) << 3) | nwCls[i]! : 0;
    lex[LEX * i + 2] = nwEnd[i]! ? (Math.min(nwEnd[i]! >>> 3, 8) << 3) | (nwEnd[i]! & 7) : 0;
    lex[LEX * i + 4] = gzLen[i]! >= 2 ? 1 : 0;
    lex[LEX * i + 5] = lwBegin[i]! | (lwMid[i]! << 4) | (lwEnd[i]! << 8) | (lwOrg[i]! << 12);
  }
  // Per-character context.
  const { codes, cues } = mem;
  for (let i = -2; i < n + 2; i++) codes[i + 2] = charCode(text, i);
  cues[0] = 0;
  cues[n + 1] = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i + 2]!;
    cues[i + 1] = c >= 0 ? CUE[c]! : 0;
  }
  const ruleTag = mem.rules; // (type × 4 + position) + 1
  const ruleName = mem.names;
  ruleTag.fill(0);
  ruleName.fill(0);
  for (const s of rules) {
    const type = SPAN_TYPE[s.type] ?? 0;
    const rid = idOf(s.rule);
    for (let k = s.start; k < s.end && k < n; k++) {
      const pos = s.end - s.start === 1 ? 3 : k === s.start ? 0 : k === s.end - 1 ? 2 : 1;
      ruleTag[k + 1] = type * 4 + pos + 1;
      ruleName[k] = mix(rid, pos + 1);
    }
  }
  // Per unit (row k + 1; rows 0 and m + 1 stand for none): tag id, word hash, info bits (length
  // bucket, place flag, title/person-suffix/place-head flags), organization head hash, start, end.
  const us = mem.units;
  us.fill(0);
  us[1] = -11;
  us[6 * (m + 1) + 1] = -12;
  for (let k = 0; k < m; k++) {
    const u = units[k]!;
    const t = u.text;
    const len = t.length >= 4 ? 4 : t.length;
    let info = len | (u.place ? 8 : 0);
    if (isTitle(t)) info |= 16;
    if (isPersonSuffixWord(t)) info |= 32;
    if (t.length >= 2 && isPlaceSuffix(t)) info |= 64;
    const org = longestSuffix(ORG_HEADS, t, MAX_ORG_SUFFIX);
    const o = 6 * (k + 1);
    us[o] = idOf(u.tag);
    us[o + 1] = strHash(t);
    us[o + 2] = info;
    us[o + 3] = org ? strHash(t.slice(t.length - org)) : 0;
    us[o + 4] = u.start;
    us[o + 5] = u.end;
  }
  const unitOf = mem.unitOf;
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k < m - 1 && units[k]!.end <= i) k++;
    const u = units[k];
    unitOf[i] = u && u.start <= i && i < u.end ? k + 1 : 0;
  }
  const { at } = mem;
  sentenceTopics(text, mem.topics);
  kernel!.featurize(n, at.codes, at.cues, at.rules, at.names, at.unitOf, at.units, at.lexicon, at.topics, at.out);
  out.set(mem.out);
  return out;
}
