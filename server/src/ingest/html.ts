/**
 * Saved news pages and HTML fragments (feed descriptions, scraped bodies). The main text of a
 * page is found by Mozilla's Readability, run on a linkedom document (no browser, no jsdom);
 * the only hand-written part is turning the chosen HTML into paragraphs.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fallbackDate, finishArticle } from './article.ts';
import { normaliseDate } from './dates.ts';
import { article, problem, type InputItem, type ReadContext } from './items.ts';
import { readAll } from './lines.ts';
import { repairParagraphs } from './page.ts';

/** Saved pages are read whole (a DOM needs the whole page); beyond this size it is not a news page. */
const MAX_HTML_BYTES = 50 * 2 ** 20;
/**
 * Readability's time grows with the square of the nesting (1,000 nested <div>s: 6 s) and it
 * overflows the stack at 10,000; news pages nest a few dozen deep.
 */
const MAX_DEPTH = 200;

interface ElementLike {
  firstElementChild: ElementLike | null;
  nextElementSibling: ElementLike | null;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Tags left open before parsing: linkedom itself takes quadratic time in the nesting (100,000 <div>s: 10 s). */
const MAX_OPEN_TAGS = 5_000;

/** An upper bound on the nesting, from the tags alone (unclosed <p> and <li> count too, hence the margin). */
function tooManyOpenTags(html: string): boolean {
  let open = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g)) {
    if (m[1]) open = Math.max(0, open - 1);
    else if (!m[3] && !VOID.has(m[2]!.toLowerCase())) open++;
    if (open > MAX_OPEN_TAGS) return true;
  }
  return false;
}

/** Whether elements nest deeper than `limit`, found without recursion (the nesting may be deep). */
function nestsDeeperThan(root: ElementLike, limit: number): boolean {
  const stack: Array<[ElementLike, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD',
  'TH', 'TR', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with block elements as paragraph breaks, whitespace collapsed as a browser would. */
function nodeText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) out.push('\n');
  };
  walk(root);
  return out.join('').split('\n').map((line) => line.trim()).filter(Boolean).join('\n');
}

/** Text of an HTML fragment, e.g. an RSS description or a scraped body; entities decoded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return nodeText(document.body as unknown as DomNode);
}

export async function* readHtml(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  const origin = { file: ctx.file };
  const html = await readAll(chunks, MAX_HTML_BYTES, 'HTML page');
  if (html.trim() === '') {
    yield problem(origin, 'empty file');
    return;
  }
  if (tooManyOpenTags(html)) {
    yield problem(origin, `HTML: more than ${MAX_OPEN_TAGS} elements left open; not a page whose article can be found`);
    return;
  }
  const { document } = parseHTML(html);
  // Text with no markup at all gives linkedom no document element, and Readability then throws.
  if (!document.documentElement) {
    yield problem(origin, 'no article text found in this HTML page (it has no HTML elements)');
    return;
  }
  if (nestsDeeperThan(document.documentElement as unknown as ElementLike, MAX_DEPTH)) {
    yield problem(origin, `HTML: elements nested more than ${MAX_DEPTH} deep; not a page whose article can be found`);
    return;
  }
  // Readability changes the document, so the metadata is read first.
  const meta = (selector: string, attribute = 'content') =>
    (document.querySelector(selector)?.getAttribute(attribute) ?? '').trim() || undefined;
  const url = meta('link[rel="canonical"]', 'href') ?? meta('meta[property="og:url"]');
  const rawDate = meta('meta[property="article:published_time"]') ?? meta('meta[name="pubdate"]')
    ?? meta('meta[name="publishdate"]') ?? meta('meta[itemprop="datePublished"]') ?? meta('meta[name="date"]')
    ?? meta('meta[name="dc.date"]') ?? meta('time[datetime]', 'datetime');
  const metaTitle = meta('meta[property="og:title"]');
  const siteName = meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  const metaAuthor = meta('meta[name="author"]') ?? meta('meta[property="article:author"]');
  const lang = document.documentElement?.getAttribute('lang')?.trim() || undefined;

  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  } catch (error) {
    yield problem(origin, `no article text found in this HTML page (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  if (!parsed?.content) {
    yield problem(origin, 'no article text found in this HTML page (Readability found no main content)');
    return;
  }
  const { document: content } = parseHTML(`<!DOCTYPE html><html><body>${parsed.content}</body></html>`);
  const title = metaTitle ?? parsed.title ?? undefined;
  const paragraphs = repairParagraphs(nodeText(content.body as unknown as DomNode).split('\n'));
  // Readability keeps the page's <h1> when it differs from <title> ("… - 郑州日报"); it is the title, not body.
  if (title && paragraphs[0]?.replace(/\s+/g, ' ') === title.replace(/\s+/g, ' ')) paragraphs.shift();
  const body = paragraphs.join('\n');
  if (!body) {
    yield problem(origin, 'missing body');
    return;
  }
  const metadataDate = normaliseDate(rawDate ?? parsed.publishedTime ?? undefined);
  const { date, dateSource } = metadataDate ? { date: metadataDate, dateSource: 'metadata' as const }
    : fallbackDate(title ?? '', body, ctx.formatName);
  const authors = metaAuthor ?? parsed.byline ?? undefined;
  yield article(finishArticle({
    title,
    body,
    date,
    dateSource,
    source: siteName ?? parsed.siteName ?? undefined,
    url,
    authors: authors && !/^https?:/.test(authors) ? [authors.trim()] : [],
    lang: lang?.split(/[-_]/)[0]?.toLowerCase(),
    origin,
  }));
}
