/**
 * Newspaper pages as text: articles under "#"/"##" headings, with the debris of the layout —
 * paragraphs cut at a column or page break, and a few characters repeated across the break.
 * Sections are found while streaming lines; only the current section is held.
 */
import type { NumberedLine } from './lines.ts';

export interface PageSection {
  /** The heading's text; undefined for text before the first heading. */
  title?: string;
  subtitle?: string;
  /** Repaired paragraphs. */
  paragraphs: string[];
  /** 1-based line of the heading (or of the first line, for the text before it). */
  line: number;
  /** Set when the section's text was larger than the limit: its size in characters; `paragraphs` is then empty. */
  tooLarge?: number;
}

// The closing "#"s are trimmed by `withoutClosingHashes`: a lazy `(.*?)\s*#*\s*$` took time
// quadratic in a line of "#"s.
const HEADING = /^\s{0,3}(#{1,2})\s+(.*)$/;
const SUBHEADING = /^\s{0,3}#{3,6}\s+(.*)$/;

/** A heading's text without trailing white space, closing "#"s and the white space before them. */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  while (end > 0 && text[end - 1] === '#') end--;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function heading(re: RegExp, line: string): string | undefined {
  const m = re.exec(line);
  return m ? withoutClosingHashes(m[m.length - 1]!) : undefined;
}

/** Sentence-final marks: a paragraph ending in one of these is complete. */
const FINAL = /[。！？；：”’」』…!?;:."')）】》]$/u;
/** A short lead fragment closed by a sentence-final mark, such as "想。" left over by a page break. */
const LEAD_FRAGMENT = /^[^。！？!?；;]{1,6}[。！？!?；;][”’」』]?/u;
/** Lines that start a paragraph of their own: bylines, news-agency leads, list and section markers. */
const PARAGRAPH_START = /^(?:本报讯|本报记者|记者|通讯员|新华社|据悉|[（(]?[一二三四五六七八九十\d]+[、.)）]|第[一二三四五六七八九十\d]+[章节条部分]|[■●◆▲★※□•·—-])/u;
/** Bylines end a story without a full stop; they never continue into the next paragraph. */
const BYLINE = /^(?:[（(]?\s*(?:本报)?记者|通讯员|文\/图|图\/文|摄影?|编辑|责任编辑)/u;
/** Page numbers and rules left between columns. */
const DEBRIS_LINE = /^(?:[\d\s\-—–_=*·.|/]{1,8}|第\s*[\d一二三四五六七八九十]+\s*版)$/u;

const LATIN_END = /[\p{Script=Latin}\d]$/u;
const LATIN_START = /^[\p{Script=Latin}\d]/u;

/** Whether `next` carries on the sentence `prev` left unfinished at a page or column break. */
function continues(prev: string, next: string): boolean {
  if (FINAL.test(prev)) return false;
  // Short unpunctuated lines are sub-headings or bylines, not text cut in the middle.
  if ([...prev].length < 16 || BYLINE.test(prev)) return false;
  if (PARAGRAPH_START.test(next) || BYLINE.test(next)) return false;
  // Hard-wrapped Latin text: go on only where the sentence visibly goes on.
  if (LATIN_END.test(prev) && /^\p{Lu}/u.test(next)) return false;
  return true;
}

function join(prev: string, next: string): string {
  if (/\p{L}-$/u.test(prev)) return prev + next; // "news-" + "paper": keep the word whole
  // Latin words meeting at the break need their space back; CJK text has none.
  if (LATIN_END.test(prev) && LATIN_START.test(next)) return `${prev} ${next}`;
  if (/[,;:]$/.test(prev)) return `${prev} ${next}`;
  return prev + next;
}

/**
 * Repairs the paragraphs of one article: drops page numbers, drops a leading fragment that
 * repeats the previous paragraph's end ("…社会主义思想。" then "想。参会人员…"), and joins a
 * paragraph cut mid-sentence ("进一步凝聚党" + "心民心，…") with its continuation.
 */
export function repairParagraphs(lines: Iterable<string>): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    // trim(), not a regex: `[\s]+$` is quadratic in a long run of spaces inside a line.
    let line = raw.trim().replace(/[ \t]+/g, ' ');
    if (line === '' || DEBRIS_LINE.test(line)) continue;
    const prev = out.at(-1);
    if (prev !== undefined) {
      const fragment = LEAD_FRAGMENT.exec(line)?.[0];
      if (fragment && fragment.length < prev.length && prev.endsWith(fragment)) {
        line = line.slice(fragment.length).trimStart();
        if (line === '') continue;
      }
      if (continues(prev, line)) {
        out[out.length - 1] = join(prev, line);
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Splits a stream of lines into sections at "#"/"##" headings. A "###" heading right after a
 * heading is its subtitle; deeper headings elsewhere are kept as paragraphs of the body.
 * `clean` is applied to every line first (Markdown markup for .md files).
 */
export async function* splitSections(
  lines: AsyncIterable<NumberedLine>,
  clean: (line: string) => string = (line) => line,
  /** Past this many characters a section's lines are only counted, not kept: memory stays bounded. */
  maxChars = Infinity,
): AsyncGenerator<PageSection> {
  let title: string | undefined;
  let subtitle: string | undefined;
  let startLine = 1;
  let raw: string[] = [];
  let size = 0;
  let sawContent = false;
  const finish = (): PageSection => (size > maxChars ? { title, subtitle, paragraphs: [], line: startLine, tooLarge: size }
    : { title, subtitle, paragraphs: repairParagraphs(raw), line: startLine });
  const hasText = () => title !== undefined || size > maxChars || raw.some((l) => l.trim() !== '');
  for await (const { text, line } of lines) {
    const headingText = heading(HEADING, text);
    if (headingText) {
      if (hasText()) yield finish();
      title = clean(headingText).replace(/\s+/g, ' ');
      subtitle = undefined;
      startLine = line;
      raw = [];
      size = 0;
      sawContent = false;
      continue;
    }
    const sub = heading(SUBHEADING, text);
    if (sub && title !== undefined && !sawContent && subtitle === undefined) {
      subtitle = clean(sub);
      continue;
    }
    if (!sawContent && title === undefined && raw.length === 0) startLine = line;
    if (text.trim() !== '') sawContent = true;
    size += text.length + 1;
    if (size <= maxChars) raw.push(clean(sub ?? text));
    else raw = [];
  }
  if (hasText()) yield finish();
}
