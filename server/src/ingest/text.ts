/**
 * Plain text and Markdown. One article, or — when several "#"/"##" headings divide it — a page
 * of them. Streamed line by line; articles are held back only while their year is unknown.
 */
import path from 'node:path';
import type { Origin } from '@guanxi/shared';
import { finishArticle } from './article.ts';
import { dateFromFileName, dateFromText, type YearContext } from './dates.ts';
import { article, problem, type InputItem, type ReadContext } from './items.ts';
import { splitLines, tooLongLine, type NumberedLine } from './lines.ts';
import { tooLargeArticle } from './limits.ts';
import { splitSections, type PageSection } from './page.ts';

/** Text before the first heading shorter than this is a masthead ("郑州日报 2020年5月8日 第3版"), not an article. */
const MASTHEAD_CHARS = 200;
/** Articles waiting for a year are released anyway beyond this many, to keep memory bounded. */
const MAX_PENDING = 500;

/** "[text](url)" → "text", images and emphasis markers dropped, quote markers removed. */
export function cleanMarkdownLine(line: string): string {
  return line
    // No "[" or "(" inside the brackets: a scan from each "[" to the line's end made a line of "[[[…" quadratic.
    .replace(/!\[[^[\]]*\]\([^()]*\)/g, '')
    .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^\s{0,3}>\s?/, '');
}

function isMarkdown(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/** An untitled text's first line is its title when it reads like one: short, not a sentence. */
function titled(section: PageSection): { title?: string; body: string } {
  if (section.title !== undefined) return { title: section.title, body: section.paragraphs.join('\n') };
  const [first, ...rest] = section.paragraphs;
  if (first && rest.length > 0 && [...first].length <= 60 && !/[。！？.!?，,；;：:]$/u.test(first)) {
    return { title: first, body: rest.join('\n') };
  }
  return { body: section.paragraphs.join('\n') };
}

interface Pending {
  section: PageSection;
  title?: string;
  body: string;
  date?: string;
  needsYear: boolean;
}

export async function* readText(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  const baseName = path.basename(ctx.formatName);
  const fromName = ctx.formatName === '-' ? {} : dateFromFileName(baseName);
  const stem = baseName.replace(/\.[^.]+$/, '');
  const clean = isMarkdown(ctx.formatName) ? cleanMarkdownLine : undefined;

  const queue: Pending[] = [];
  let headings = 0;
  let pageYear: YearContext | undefined;
  let ended = false;

  const toItem = (p: Pending, isPage: boolean): InputItem => {
    const origin: Origin = { file: ctx.file, line: p.section.line };
    if (!p.body) return problem(origin, p.section.title ? `missing body under heading "${p.section.title}"` : 'missing body');
    let date = p.date;
    let dateSource: 'text' | 'filename' | undefined = date ? 'text' : undefined;
    if (!date && p.needsYear && pageYear) {
      date = dateFromText(p.title ?? '', p.body, undefined, pageYear).date;
      dateSource = date ? 'text' : undefined;
    }
    if (!date && fromName.date) {
      date = fromName.date;
      dateSource = 'filename';
    }
    const title = p.title ?? (ctx.formatName !== '-' ? stem : undefined);
    const body = p.body;
    return article(finishArticle({
      title,
      subtitle: p.section.subtitle,
      body,
      date,
      dateSource,
      source: isPage ? stem : undefined,
      origin,
    }));
  };

  // Releases articles from the head of the queue once we know whether this is a page (two
  // headings seen, or the end) and each one's year, if it needs one.
  function* release(): Generator<InputItem> {
    const isPage = headings >= 2;
    if (!isPage && !ended) return;
    while (queue.length > 0) {
      const head = queue[0]!;
      if (head.needsYear && !pageYear && !ended && queue.length < MAX_PENDING) return;
      queue.shift();
      yield toItem(head, isPage);
    }
  }

  // Short text before the first heading is held apart: a masthead ("郑州日报 2020年5月8日 第3版")
  // when headings follow, the article itself when none do.
  let masthead: Pending | undefined;
  // Over-long lines are left out of the text and reported, in the order the reading reaches them.
  const skipped: InputItem[] = [];
  async function* kept(lines: AsyncIterable<NumberedLine>): AsyncGenerator<NumberedLine> {
    for await (const l of lines) {
      if (l.tooLong === undefined) yield l;
      else skipped.push(problem({ file: ctx.file, line: l.line }, tooLongLine(l.tooLong, ctx.limits.maxLineChars)));
    }
  }
  const max = ctx.limits.maxArticleChars;
  for await (const section of splitSections(kept(splitLines(chunks, ctx.limits.maxLineChars)), clean, max)) {
    yield* skipped.splice(0);
    if (section.tooLarge !== undefined) {
      if (section.title !== undefined) headings++;
      yield problem({ file: ctx.file, line: section.line }, tooLargeArticle(section.tooLarge, max));
      continue;
    }
    const { title, body } = titled(section);
    const found = dateFromText(title ?? '', body, fromName.context, pageYear);
    if (found.yearSeen) pageYear = found.yearSeen;
    const pending = { section, title, body, date: found.date, needsYear: found.needsYear };
    if (section.title === undefined && [...body].length < MASTHEAD_CHARS) {
      masthead = pending;
      continue;
    }
    if (section.title !== undefined) headings++;
    queue.push(pending);
    yield* release();
  }
  // Short text before the first heading is a masthead, not an article, unless the file has no headings.
  if (masthead && headings === 0) queue.push(masthead);
  ended = true;
  yield* skipped.splice(0);
  yield* release();
}
