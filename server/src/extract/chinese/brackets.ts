import type { Span } from './span.ts';

/**
 * Title marks and quotes in organization names, balanced. The tagger reads characters, so it may stop
 * inside a pair: 婚姻与家庭》杂志社 for 《婚姻与家庭》杂志社 (a magazine's office names the magazine with its
 * marks), 金融时报》 for 金融时报 (the closing mark is the text's, not the name's), 辽大“邓小平理论研究中心 for
 * 辽大“邓小平理论研究中心”. A name holds both marks of a pair or neither.
 */
const PAIRS: Record<string, string> = { '《': '》', '“': '”', '「': '」', '『': '』' };
const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
// How far left a name's opening mark may be looked for, and what it may not cross (a clause's end).
const MAX_REACH = 16;
const CLAUSE_END = /[。！？；;，,：:\n]/;

/** The organization spans of `spans` with their marks balanced (other spans unchanged); order kept. */
export function balanceMarks(text: string, spans: Span[]): Span[] {
  let out: Span[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.type !== 'Organization' || s.rule === 'lexicon') continue;
    const b = balanced(text, s, spans[k - 1], spans[k + 1]);
    if (b !== s) (out ??= spans.slice())[k] = b;
  }
  return out ?? spans;
}

/** One span balanced: a mark left open or closed is matched inside the name or dropped at its edge. */
function balanced(text: string, s: Span, prev: Span | undefined, next: Span | undefined): Span {
  let { start, end } = s;
  // Marks at the edges that the name does not close or open: the text's, not the name's.
  if (OPENER_OF[text[end - 1]!] && !text.slice(start, end - 1).includes(OPENER_OF[text[end - 1]!]!)) end--;
  if (PAIRS[text[start]!] && !text.slice(start + 1, end).includes(PAIRS[text[start]!]!)) start++;
  const open = unmatched(text, start, end);
  if (open.opener !== undefined && text[end] === PAIRS[text[open.opener]!] && !(next && next.start <= end)) end++;
  if (open.closer !== undefined) {
    const want = OPENER_OF[text[open.closer]!]!;
    for (let i = start - 1; i >= 0 && start - i <= MAX_REACH && !CLAUSE_END.test(text[i]!); i--) {
      if (prev && i < prev.end) break;
      if (text[i] === want) {
        start = i;
        break;
      }
      if (PAIRS[text[i]!] || OPENER_OF[text[i]!]) break;
    }
  }
  if (end - start < 2 || (start === s.start && end === s.end)) return s;
  return { ...s, start, end, rule: s.rule === 'model' ? 'balanced-marks' : s.rule };
}

// The marks as character codes: `unmatched` reads every character of every organization name, and
// indexing a string by position makes a one-character string each time (two-byte characters are not
// cached) before the object lookup: 6.0 µs an article on the sample page before, 1.3 µs now.
const OPENER_CODE = new Map(Object.entries(PAIRS).map(([o, c]) => [c.charCodeAt(0), o.charCodeAt(0)]));
const OPENERS = new Set(Object.keys(PAIRS).map((o) => o.charCodeAt(0)));

/** The first mark in text[start, end) left open (opener) and the first closed that nothing opened (closer). */
function unmatched(text: string, start: number, end: number): { opener?: number; closer?: number } {
  let stack: number[] | undefined;
  let closer: number | undefined;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Every mark lies in U+201C..U+300F, below the Han characters: most are ruled out here.
    if (c < 0x201c || c > 0x300f) continue;
    if (OPENERS.has(c)) (stack ??= []).push(i);
    else {
      const o = OPENER_CODE.get(c);
      if (o === undefined) continue;
      if (stack?.length && text.charCodeAt(stack[stack.length - 1]!) === o) stack.pop();
      else closer ??= i;
    }
  }
  return { opener: stack?.[0], closer };
}
