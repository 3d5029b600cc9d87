/**
 * compromise, the English tagger, takes time that grows faster than the text in three ways: with
 * the length of one token of punctuation ("-----…", "a.a.a.…", U+FFFD runs: 128 KB of dots took
 * 13 s), with runs of repeated punctuation even between spaces, and with the number of matches
 * whose offsets it computes in one document. So it only ever sees bounded pieces of a body, with
 * long tokens and punctuation runs blanked out. Both keep every offset: a piece is a slice of the
 * body and blanking puts a space in place of a character, so what it finds indexes the body as is.
 */

/** Longest piece given to compromise at once; news articles are mostly shorter, and go whole. */
export const MAX_PIECE = 20_000;
/**
 * Most sentence ends (. ! ? line breaks) in a piece: compromise's time grows with the square of
 * their number (20,000 characters of ". ": 0.6 s, 5,000: 0.1 s). Prose has a few hundred in
 * MAX_PIECE characters, so only junk is cut by this.
 */
const MAX_SENTENCE_ENDS = 500;
/** Longest token without white space kept whole; URLs are shorter, runs of junk are not. */
const MAX_TOKEN = 64;
/** A character repeated more often than this (not a letter, digit or space) is blanked after it. */
const MAX_REPEAT = 3;

export interface Piece {
  start: number;
  text: string;
}

/** How much of the body from `start` a piece may take: `max` characters, or up to its last allowed sentence end. */
function allowance(body: string, start: number, max: number): number {
  const end = Math.min(body.length, start + max);
  let ends = 0;
  for (let i = start; i < end; i++) {
    const c = body.charCodeAt(i);
    if ((c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) && ++ends >= MAX_SENTENCE_ENDS) return i + 1 - start;
  }
  return max;
}

/** The body in pieces of bounded size, cut at a line break, else a space, else anywhere. */
export function pieces(body: string, maxChars = MAX_PIECE): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let max = allowance(body, 0, maxChars); body.length - start > max; max = allowance(body, start, maxChars)) {
    const window = body.slice(start, start + max);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf(' '));
    if (cut < max / 2) cut = max;
    else cut += 1;
    // Never between the halves of a surrogate pair.
    const code = body.charCodeAt(start + cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
    out.push({ start, text: body.slice(start, start + cut) });
    start += cut;
  }
  out.push({ start, text: body.slice(start) });
  return out;
}

const REPEATED = /([^\p{L}\p{N}\p{M}\s])\1{3,}/gu;
const LONG_TOKEN = new RegExp(`\\S{${MAX_TOKEN + 1},}`, 'g');

/** The text with punctuation runs and over-long tokens blanked, same length, same offsets. */
export function defuse(text: string): string {
  let out = text.replace(REPEATED, (run: string, ch: string) => ch.repeat(MAX_REPEAT) + ' '.repeat(run.length - ch.length * MAX_REPEAT));
  out = out.replace(LONG_TOKEN, (token: string) => {
    const chars = token.split('');
    for (let i = MAX_TOKEN; i < chars.length; i += MAX_TOKEN) {
      const code = token.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff) i++; // a low surrogate: break before the next character instead
      if (i >= chars.length) break;
      const high = token.charCodeAt(i);
      chars[i] = ' ';
      if (high >= 0xd800 && high <= 0xdbff && i + 1 < chars.length) chars[i + 1] = ' ';
    }
    return chars.join('');
  });
  return out;
}
