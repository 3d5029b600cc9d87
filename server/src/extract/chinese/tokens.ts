import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

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
];

let cached: { jieba: Jieba; dict: Map<string, DictEntry> } | undefined;

/** jieba and its dictionary, loaded once per thread (about 0.3 s). */
function resources(): { jieba: Jieba; dict: Map<string, DictEntry> } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const { dict: raw } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const extra = EXTRA_WORDS.map(([w, t]) => `${w} 2000 ${t}`).join('\n');
  const combined = Buffer.concat([Buffer.from(raw), Buffer.from('\n' + extra + '\n')]);
  const jieba = Jieba.withDict(combined);
  const dict = new Map<string, DictEntry>();
  const text = combined.toString('utf8');
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (a < 0 || b < 0) continue;
    dict.set(line.slice(0, a), { freq: Number(line.slice(a + 1, b)), tag: line.slice(b + 1).trim() });
  }
  cached = { jieba, dict };
  return cached;
}

export function dictEntry(word: string): DictEntry | undefined {
  return resources().dict.get(word);
}

export function dictTag(word: string): string | undefined {
  return resources().dict.get(word)?.tag;
}

/**
 * Tokenizes folded text. Uses `cut` (with HMM, so unknown names come out whole) and looks tags up in
 * the dictionary ourselves: jieba's `tag` is about six times slower and gives the same tags.
 */
export function tokenize(text: string): Token[] {
  const { jieba, dict } = resources();
  const words = jieba.cut(text, true);
  const tokens: Token[] = new Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const c = w.charCodeAt(0);
    let tag: string;
    if (c >= 0x3400 && c <= 0x9fff) tag = dict.get(w)?.tag ?? 'x';
    else if (c >= 0x30 && c <= 0x39) tag = 'm';
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) tag = 'eng';
    // Punctuation and white space: never part of a name.
    else tag = 'w';
    tokens[i] = { text: w, start: offset, end: offset + w.length, tag };
    offset += w.length;
  }
  return tokens;
}
