import { isMarked, marksOf, words } from './cues.ts';
import { addToTrie, flattenTrie, gazetteer, longestInFlatTrie, newTrie, type FlatTrie } from './gazetteer.ts';
import { dictTag, hasPair, markPair, newPairFilter, tokenize, type Token } from './tokens.ts';
import { WORLD_PLACES } from './world.ts';

/** A token after gazetteer merging. `place` marks units that are known place names. */
export interface Unit extends Token {
  place?: boolean;
}

// Gazetteer names and world places in one trie: the longest of either wins, as one walk.
let placeTrie: FlatTrie | undefined;
function places(): FlatTrie {
  if (placeTrie) return placeTrie;
  const trie = newTrie(gazetteer().matchable);
  for (const n of WORLD_PLACES) addToTrie(trie, n);
  placeTrie = flattenTrie(trie);
  const names = [...gazetteer().matchable, ...WORLD_PLACES];
  for (const n of names) if (n.length >= 2) markPair(placeStarts, n.charCodeAt(0), n.charCodeAt(1));
  onePlaceChar = marksOf(names.filter((n) => n.length === 1));
  return placeTrie;
}

/** The first two characters of every place name of two or more characters. */
const placeStarts = newPairFilter();
/** Characters that are place names alone, as bits (8 KB, where the trie's root table is 256 KB). */
let onePlaceChar = marksOf([]);

// Tags of tokens that may be cut in two when a place name ends inside them (县委 → 县|委).
const SPLITTABLE_REMAINDER = words('委 委员会 人大 政府 人民政府 政协 党委 军区 市委 籍 人 方 队');

/**
 * jieba's tokens with place names from the gazetteer and the world list merged into single units,
 * so that 徐家|湾|乡 becomes 徐家湾乡 and 卢氏|县委 becomes 卢氏县|委.
 */
export function units(text: string): Unit[] {
  const tokens = tokenize(text);
  const trie = places();
  const out: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const c = tok.text.charCodeAt(0);
    if (c < 0x4e00 || c > 0x9fff) {
      out.push(tok);
      continue;
    }
    const len = longestPlaceAt(trie, text, tok.start);
    if (len < tok.text.length) {
      // No place here, or a longer dictionary word wins (长江大桥, 湖北省人民政府).
      out.push(tok);
      continue;
    }
    if (len === tok.text.length) {
      (tok as Unit).place = true;
      out.push(tok);
      continue;
    }
    const name = text.slice(tok.start, tok.start + len);
    const end = tok.start + len;
    let j = i;
    while (j < tokens.length && tokens[j]!.end < end) j++;
    const last = tokens[j];
    if (!last) {
      out.push(tok);
      continue;
    }
    if (last.end === end) {
      out.push({ text: name, start: tok.start, end, tag: 'ns', place: true });
      i = j;
    } else {
      const rest = text.slice(end, last.end);
      if (!SPLITTABLE_REMAINDER.has(rest)) {
        out.push(tok);
        continue;
      }
      out.push({ text: name, start: tok.start, end, tag: 'ns', place: true });
      out.push({ text: rest, start: end, end: last.end, tag: dictTag(rest) ?? 'n' });
      i = j;
    }
  }
  return out;
}

/**
 * Gazetteer and world-list names in running text, independent of jieba's segmentation: `len[i]` is
 * the length of the longest place name starting at i (0 if none; at most 24).
 */
export function placeWords(text: string, len: Uint8Array): void {
  const trie = places();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    len[i] = c < 0x3400 || c > 0x9fff ? 0 : longestPlaceAt(trie, text, i);
  }
}

/** The longest place name starting at i (at most 24 characters), 0 if none. */
function longestPlaceAt(trie: FlatTrie, text: string, i: number): number {
  // Most positions start no name of two characters: the pair filter says so without
  // walking the trie's edge table.
  if (i + 1 < text.length && hasPair(placeStarts, text.charCodeAt(i), text.charCodeAt(i + 1))) return longestInFlatTrie(trie, text, i, 24);
  return isMarked(onePlaceChar, text.charCodeAt(i)) ? 1 : 0;
}
