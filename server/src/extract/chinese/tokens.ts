import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { ORG_HEADS, SURNAME_CHARS, TITLES, isMarked, longestSuffix } from './cues.ts';

/** A jieba token with its offsets into the (folded) text and its dictionary part-of-speech tag. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** jieba dictionary tag (nr, ns, nt, n, v…); 'x' for words jieba's HMM found that are not in the dictionary. */
  tag: string;
}

interface DictEntry {
  freq: number;
  tag: string;
}

/**
 * Words the rules depend on being whole tokens (titles, organization suffixes) that jieba's default
 * dictionary lacks or splits. Tagged with our own tags so rules can tell them apart.
 */
const EXTRA_WORDS: Array<[string, string]> = [
  ['党工委', 'nt'], ['管委会', 'nt'], ['人大工委', 'nt'], ['常务副主任', 'nn'], ['副秘书长', 'nn'],
  ['常务副县长', 'nn'], ['常务副市长', 'nn'], ['副乡长', 'nn'], ['副镇长', 'nn'], ['董事长', 'nn'],
  ['总经理', 'nn'], ['副总经理', 'nn'], ['副组长', 'nn'], ['办事处', 'n'], ['领导小组', 'n'],
  // 住房和城乡建设局/委 in short; jieba cuts 住|建局.
  ['住建局', 'n'], ['住建委', 'n'],
];

/**
 * jieba's dictionary as a compact open-addressing table: 8 bytes a slot (two 32-bit hashes of the
 * word, the second's low byte replaced by the tag's index), frequencies alongside. A lookup reads one
 * cache line instead of walking a Map of 350,000 strings, and the heap does not carry that Map (which
 * every major GC had to mark). 56 hash bits: a false match is out of reach in practice.
 */
interface TagTable {
  slots: Int32Array;
  freqs: Int32Array;
  mask: number;
  names: string[];
  index: Map<string, number>;
}

interface Resources {
  jieba: Jieba;
  tags: TagTable;
  /** The first two characters of every word in `words`. */
  wordStart: PairFilter;
  /**
   * The words the dictionary scan (`dictionaryWords`) looks for, and every prefix of them of 2
   * characters or more, in the dictionary table's slot format, the tag byte saying what a whole word
   * is (0 for a prefix only): bits 0–1 a lattice word of 2 to `MAX_LEXICON_WORD` Han characters
   * (`WORD`, `ORG_WORD`), bits 2–4 the entity class of a name-tagged word of 2 to `MAX_NAME_WORD`
   * characters. One table, so that one walk from each character finds both.
   */
  words: TagTable;
}

const MAX_LEXICON_WORD = 8;
/** A whole dictionary word; one that ends with an organization head (外交部, 人民银行): tag bits 0–1. */
const WORD = 1;
const ORG_WORD = 2;
const LATTICE_BITS = 3;
/** Where a name's entity class sits in the tag byte. */
const CLASS_SHIFT = 2;
const CLASS_BITS = 7 << CLASS_SHIFT;

/**
 * Dictionary tags of names, as small classes for the tagger's lexicon features: persons (nr, nrfg),
 * transliterated persons (nrt), places (ns), organizations (nt), other proper nouns (nz: newspapers,
 * products), abbreviations (j: 北大).
 */
export const ENTITY_CLASS: Record<string, number> = { nr: 1, nrfg: 1, nrt: 2, ns: 3, nt: 4, nz: 5, j: 6 };
const MAX_NAME_WORD = 15;

/**
 * A set of character pairs that may give false positives, never false negatives: 2^18 hashed marks
 * as bits (32 KB, so it stays in the core's own cache while the scans run beside the big tables).
 * `wordStart` here and the place scan's in units.ts: a scan probes its table only where a pair is marked.
 */
export type PairFilter = Int32Array;
const PAIR_FILTER_BITS = 18;
export const newPairFilter = (): PairFilter => new Int32Array(1 << (PAIR_FILTER_BITS - 5));
const pairSlot = (a: number, b: number) => Math.imul(a * 0x10000 + b, 0x9e3779b1) >>> (32 - PAIR_FILTER_BITS);
export function markPair(filter: PairFilter, a: number, b: number): void {
  const slot = pairSlot(a, b);
  filter[slot >>> 5]! |= 1 << (slot & 31);
}
export function hasPair(filter: PairFilter, a: number, b: number): boolean {
  const slot = pairSlot(a, b);
  return (filter[slot >>> 5]! & (1 << (slot & 31))) !== 0;
}

let cached: Resources | undefined;

// A word's two hashes (FNV-1a, and a multiplicative one whose low byte the slot gives to the tag), in
// one pass: written here rather than returned, so that a lookup, which runs for every token, allocates nothing.
let wordH1 = 0;
let wordH2 = 0;
function hashWord(s: string): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x9e3779b1);
    h2 ^= h2 >>> 15;
  }
  wordH1 = h1 | 0;
  // Never 0 in the high bits' place of an empty slot: force a bit on.
  wordH2 = (h2 & ~0xff) | 0x100;
}

/** A table for `words` words; without `withFreqs` (the name table), no frequencies are kept. */
function newTagTable(words: number, withFreqs = true): TagTable {
  let cap = 1;
  while (cap < words * 1.25) cap <<= 1;
  return { slots: new Int32Array(cap * 2), freqs: new Int32Array(withFreqs ? cap : 0), mask: cap - 1, names: [], index: new Map() };
}

/** Adds (or, like Map.set, replaces) a word. */
function addWord(table: TagTable, word: string, freq: number, tag: string): void {
  let t = table.index.get(tag);
  if (t === undefined) {
    t = table.names.length;
    if (t > 0xff) throw new Error('too many dictionary tags');
    table.names.push(tag);
    table.index.set(tag, t);
  }
  const { slots, mask } = table;
  hashWord(word);
  const h1 = wordH1;
  const h2 = wordH2;
  let h = h1 & mask;
  while (slots[2 * h + 1] !== 0 && !(slots[2 * h] === h1 && (slots[2 * h + 1]! & ~0xff) === h2)) h = (h + 1) & mask;
  slots[2 * h] = h1;
  slots[2 * h + 1] = h2 | t;
  table.freqs[h] = freq;
}

/**
 * Adds a name word with its class as the tag index, and its prefixes of two characters or more with
 * 0 unless already present, hashing as `hashWord` does but extending one character at a time.
 */
function addWordAndPrefixes(table: TagTable, word: string, bits: number, field: number): void {
  const { slots, mask } = table;
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  for (let k = 0; k < word.length; k++) {
    h1 = Math.imul(h1 ^ word.charCodeAt(k), 0x01000193);
    h2 = Math.imul(h2 + word.charCodeAt(k), 0x9e3779b1);
    h2 ^= h2 >>> 15;
    if (k === 0) continue;
    const k2 = (h2 & ~0xff) | 0x100;
    let h = h1 & mask;
    while (slots[2 * h + 1] !== 0 && !(slots[2 * h] === h1 && (slots[2 * h + 1]! & ~0xff) === k2)) h = (h + 1) & mask;
    const whole = k === word.length - 1;
    const found = slots[2 * h + 1] !== 0;
    if (found && !whole) continue;
    const tag = found ? slots[2 * h + 1]! & 0xff : 0;
    slots[2 * h] = h1;
    slots[2 * h + 1] = k2 | (whole ? (tag & ~field) | bits : tag);
  }
}

/** The slot of a word, or -1. */
function findWord(table: TagTable, word: string): number {
  const { slots, mask } = table;
  hashWord(word);
  const h1 = wordH1;
  const h2 = wordH2;
  let h = h1 & mask;
  for (;;) {
    const v = slots[2 * h + 1]!;
    if (v === 0) return -1;
    if (slots[2 * h] === h1 && (v & ~0xff) === h2) return h;
    h = (h + 1) & mask;
  }
}

/** The dictionary tag of a word, or undefined. */
function lookupTag(table: TagTable, word: string): string | undefined {
  const h = findWord(table, word);
  return h < 0 ? undefined : table.names[table.slots[2 * h + 1]! & 0xff];
}

/** jieba and its dictionary, loaded once per thread (about 0.3 s). */
function resources(): Resources {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const { dict: raw } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const extra = EXTRA_WORDS.map(([w, t]) => `${w} 2000 ${t}`).join('\n');
  const combined = Buffer.concat([Buffer.from(raw), Buffer.from('\n' + extra + '\n')]);
  const jieba = Jieba.withDict(combined);
  const text = combined.toString('utf8');
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const tags = newTagTable(lines);
  // The dictionary scan probes the word table (not in cache) only where a word can start.
  const nameList: string[] = [];
  const wordList: string[] = [];
  const wordStart = newPairFilter();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (a < 0 || b < 0) continue;
    const word = line.slice(0, a);
    const tag = line.slice(b + 1).trim();
    addWord(tags, word, Number(line.slice(a + 1, b)), tag);
    if (ENTITY_CLASS[tag] && word.length >= 2 && word.length <= MAX_NAME_WORD) {
      markPair(wordStart, word.charCodeAt(0), word.charCodeAt(1));
      nameList.push(word);
    }
    if (word.length >= 2 && word.length <= MAX_LEXICON_WORD && isHan(word.charCodeAt(0)) && isHan(word.charCodeAt(1))) {
      markPair(wordStart, word.charCodeAt(0), word.charCodeAt(1));
      wordList.push(word);
    }
  }
  const words = newTagTable(2 * (wordList.length + nameList.length), false);
  for (const word of wordList) {
    const head = longestSuffix(ORG_HEADS, word);
    addWordAndPrefixes(words, word, head > 0 && head < word.length ? ORG_WORD : WORD, LATTICE_BITS);
  }
  // A word listed twice keeps its last tag, as in the word table (our added words come last).
  for (const word of nameList) {
    const c = ENTITY_CLASS[lookupTag(tags, word) ?? ''] ?? 0;
    if (c) addWordAndPrefixes(words, word, c << CLASS_SHIFT, CLASS_BITS);
  }
  cached = { jieba, tags, wordStart, words };
  return cached;
}

export function dictEntry(word: string): DictEntry | undefined {
  const { tags } = resources();
  const h = findWord(tags, word);
  return h < 0 ? undefined : { freq: tags.freqs[h]!, tag: tags.names[tags.slots[2 * h + 1]! & 0xff]! };
}

export function dictTag(word: string): string | undefined {
  return lookupTag(resources().tags, word);
}

/**
 * Tokenizes folded text. Uses `cut` (with HMM, so unknown names come out whole) and looks tags up in
 * the dictionary ourselves: jieba's `tag` is about six times slower and gives the same tags.
 */
export function tokenize(text: string): Token[] {
  const { jieba, tags } = resources();
  const words = jieba.cut(text, true);
  const tokens: Token[] = new Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const c = w.charCodeAt(0);
    let tag: string;
    if (c >= 0x3400 && c <= 0x9fff) tag = lookupTag(tags, w) ?? 'x';
    else if (c >= 0x30 && c <= 0x39) tag = 'm';
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) tag = 'eng';
    // Punctuation and white space: never part of a name.
    else tag = 'w';
    tokens[i] = { text: w, start: offset, end: offset + w.length, tag };
    offset += w.length;
  }
  return reattachTitleEnd(unglueCommittee(tokens, tags), tags);
}

/**
 * jieba reads 董事|长江|文英 and 局|长江|海涛: a title's last character 长 taken into the next word.
 * When the previous token and 长 make a title (董事长, 局长 after 水利局) and the character after 长
 * is a surname, 长 goes back to the title and the name starts after it. A bare one-character token
 * counts only when it repeats the head before it (水利局|局), so 该县|长江 keeps its river.
 */
function reattachTitleEnd(tokens: Token[], tags: TagTable): Token[] {
  let out: Token[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text.length >= 2 && t.text.charCodeAt(0) === CHANG && isMarked(SURNAME_CHARS, t.text.charCodeAt(1))) {
      const prev = out ? out[out.length - 1]! : tokens[i - 1]!;
      const beforePrev = i >= 2 ? tokens[i - 2]!.text : '';
      if (TITLES.has(prev.text + '长') && (prev.text.length >= 2 || beforePrev.endsWith(prev.text))) {
        out ??= tokens.slice(0, i);
        out[out.length - 1] = { text: prev.text + '长', start: prev.start, end: prev.end + 1, tag: 'nn' };
        const rest = t.text.slice(1);
        out.push({ text: rest, start: t.start + 1, end: t.end, tag: lookupTag(tags, rest) ?? 'x' });
        continue;
      }
    }
    out?.push(t);
  }
  return out ?? tokens;
}

const LEVEL_ENDINGS = new Set('省市县区州旗');
// 长 and 委 as character codes: these passes test every token's first character.
const CHANG = 0x957f;
const WEI = 0x59d4;

/**
 * jieba's HMM glues the 委 of a committee to the next character when the place before it is a
 * dictionary word (宜君县|委副|书记, 七台河市|委副|书记): split it off, so that 宜君县委 can be read
 * as the county's committee as 卢氏|县委 is. Only unknown two-character tokens after a place
 * ending in a level character are touched.
 */
function unglueCommittee(tokens: Token[], tags: TagTable): Token[] {
  let out: Token[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text.length === 2 && t.text.charCodeAt(0) === WEI && t.tag === 'x' && LEVEL_ENDINGS.has(tokens[i - 1]!.text.slice(-1))) {
      out ??= tokens.slice(0, i);
      for (let k = 0; k < 2; k++) out.push({ text: t.text[k]!, start: t.start + k, end: t.start + k + 1, tag: lookupTag(tags, t.text[k]!) ?? 'x' });
      continue;
    }
    out?.push(t);
  }
  return out ?? tokens;
}

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** The value stored under the hash pair (h1, h2) in an open-addressing word table, 0 if none. */
function probe(slots: Int32Array, mask: number, h1: number, h2: number): number {
  const k2 = (h2 & ~0xff) | 0x100;
  let h = h1 & mask;
  let v = slots[2 * h + 1]!;
  while (v !== 0 && !(slots[2 * h] === h1 && (v & ~0xff) === k2)) {
    h = (h + 1) & mask;
    v = slots[2 * h + 1]!;
  }
  return v;
}

/** What `dictionaryWords` finds at each character of a text (arrays of at least its length). */
export interface DictionaryMatches {
  /** The length of the longest name-tagged word (`ENTITY_CLASS`, 2–15 characters) starting here, 0 if none. */
  nameLength: Uint8Array;
  /** That word's entity class. */
  nameClass: Uint8Array;
  /** Bits of the lengths (2, 3, 4, 5+: 1, 2, 4, 8) of the lattice words that begin here, */
  begin: Uint8Array;
  /** run through here, */
  mid: Uint8Array;
  /** and end here. */
  end: Uint8Array;
  /** The same three (1, 2, 4) for lattice words that end with an organization head (外交部: 1 at 外, 2 at 交, 4 at 部). */
  org: Uint8Array;
}

/**
 * Dictionary words in running text, whatever jieba's segmentation chose: the longest name word at
 * every position, and every word of 2 to 8 Han characters (the word lattice of SoftLexicon, Ma et
 * al. 2020). One walk from each character: hashes are extended character by character, so no string
 * is built; a start is probed only where its first two characters begin some word, and the walk goes
 * on only as long as the characters read so far begin one.
 */
export function dictionaryWords(text: string, out: DictionaryMatches): void {
  const { words, wordStart } = resources();
  const { slots, mask } = words;
  const { nameLength, nameClass, begin, mid, end, org } = out;
  const n = text.length;
  for (const a of [nameLength, nameClass, begin, mid, end, org]) a.fill(0, 0, n);
  for (let i = 0; i + 1 < n; i++) {
    const c0 = text.charCodeAt(i);
    if (!isHan(c0) || !hasPair(wordStart, c0, text.charCodeAt(i + 1))) continue;
    let h1 = Math.imul(0x811c9dc5 ^ c0, 0x01000193);
    let h2 = Math.imul(0x2545f491 + c0, 0x9e3779b1);
    h2 ^= h2 >>> 15;
    const limit = Math.min(n, i + MAX_NAME_WORD);
    for (let j = i + 1; j < limit; j++) {
      const c = text.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x9e3779b1);
      h2 ^= h2 >>> 15;
      const v = probe(slots, mask, h1, h2);
      if (v === 0) break;
      const tag = v & 0xff;
      if (!tag) continue;
      if (tag & CLASS_BITS) {
        nameLength[i] = j + 1 - i;
        nameClass[i] = tag >>> CLASS_SHIFT;
      }
      const kind = tag & LATTICE_BITS;
      if (!kind) continue;
      const len = j + 1 - i;
      const bit = len >= 5 ? 8 : 1 << (len - 2);
      begin[i]! |= bit;
      end[j]! |= bit;
      for (let k = i + 1; k < j; k++) mid[k]! |= bit;
      if (kind === ORG_WORD) {
        org[i]! |= 1;
        org[j]! |= 4;
        for (let k = i + 1; k < j; k++) org[k]! |= 2;
      }
    }
  }
}
