import type { Sentence } from '@guanxi/shared';

/**
 * Sentences as spans of the body. Ends at 。！？!? (with closing quotes kept), at ；; and at line
 * breaks, because news paragraphs and page-break debris are separated by newlines. Leading and
 * trailing white space is trimmed; empty sentences are dropped.
 */
export function splitSentences(text: string, options: { semicolon?: boolean } = {}): Sentence[] {
  const sentences: Sentence[] = [];
  const semicolon = options.semicolon ?? true;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      pushTrimmed(sentences, text, start, i);
      start = i + 1;
    } else if (isEnd(c) || (semicolon && (c === 0xff1b || c === 0x3b))) {
      let end = i + 1;
      while (end < text.length && CLOSERS.has(text.charCodeAt(end))) end++;
      pushTrimmed(sentences, text, start, end);
      start = end;
      i = end - 1;
    } else if (c === 0x2e && (i + 1 >= text.length || text[i + 1] === ' ' || text[i + 1] === '\n') && !/[A-Z]\w?$/.test(text.slice(Math.max(0, i - 3), i))) {
      // English full stop; not after an initial or a short abbreviation like "Mr".
      pushTrimmed(sentences, text, start, i + 1);
      start = i + 1;
    }
  }
  pushTrimmed(sentences, text, start, text.length);
  return sentences;
}

/** The sentence from start to end without its leading and trailing white space, unless that leaves nothing. */
function pushTrimmed(sentences: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) sentences.push({ start: s, end: e });
}

// As character codes: the loop reads every character, and text[i] would make a string of each.
/** 。！？!? */
const isEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
const CLOSERS = new Set([...'”’」』）)"\''].map((c) => c.charCodeAt(0)));

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;
}

/** Index of the sentence containing offset, by binary search. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
