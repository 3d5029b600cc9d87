/**
 * The last gate between a reader and the importer: an article that is too big or is binary junk
 * becomes a problem, and control characters never reach stored text or entity names. Readers
 * build articles many ways (JSON escapes, CSV cells, feed CDATA, HTML text nodes); checking here,
 * once, covers them all. The body is cleaned before anything extracts from it, so the extractor's
 * offsets index into the body as stored.
 */
import type { ArticleInput, GivenEntity } from '@guanxi/shared';
import { articleId, tidyBody } from './article.ts';
import { article, problem, type InputItem } from './items.ts';
import { megabytesText, type InputLimits } from './limits.ts';

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Above this share of control characters and U+FFFD, text is binary data, not words. */
const BINARY_SHARE = 0.1;
const BINARY_SAMPLE = 64 * 1024;

export function hasControls(text: string): boolean {
  return CONTROL.test(text);
}

/** Form feeds and vertical tabs end a page or a line; every other control character is dropped. */
export function stripControls(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(/[\u000b\u000c]/g, '\n').replace(CONTROLS, '');
}

/** Share of control characters and U+FFFD in (the start of) `text`. */
export function junkShare(text: string): number {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  if (sample.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) junk++;
  }
  return junk / sample.length;
}

export function looksBinary(text: string): boolean {
  return junkShare(text) > BINARY_SHARE;
}

export function binaryReason(text: string): string {
  return `binary data, not text (${Math.round(junkShare(text) * 100)} % control characters or undecodable bytes)`;
}

const cleanLine = (s: string) => stripControls(s).replace(/\s+/g, ' ').trim();

function cleanEntity(e: GivenEntity): GivenEntity {
  return { ...e, name: cleanLine(e.name), aliases: e.aliases.map(cleanLine).filter(Boolean) };
}

/** The article as it may be stored, or the problem that keeps it out. */
export function guardArticle(a: ArticleInput, limits: InputLimits): InputItem {
  const size = a.body.length + a.title.length;
  if (size > limits.maxArticleChars) {
    return problem(a.origin, `article of ${megabytesText(size)} is larger than the limit of ${megabytesText(limits.maxArticleChars)} (GUANXI_MAX_ARTICLE_MB / --max-article-mb)`);
  }
  if (looksBinary(a.body)) return problem(a.origin, binaryReason(a.body));
  const fields = [a.title, a.body, a.subtitle, a.source, a.url, a.lang, ...a.authors];
  const entitiesDirty = a.entities?.some((e) => hasControls(e.name) || e.aliases.some(hasControls));
  if (!fields.some((f) => f !== undefined && hasControls(f)) && !entitiesDirty) return article(a);
  const body = tidyBody(stripControls(a.body));
  if (!body) return problem(a.origin, 'missing body (only control characters)');
  const cleaned: ArticleInput = { ...a, title: cleanLine(a.title), body, authors: a.authors.map(cleanLine).filter(Boolean) };
  if (a.subtitle !== undefined) cleaned.subtitle = cleanLine(a.subtitle);
  if (a.source !== undefined) cleaned.source = cleanLine(a.source);
  if (a.url !== undefined) cleaned.url = cleanLine(a.url);
  if (a.lang !== undefined) cleaned.lang = cleanLine(a.lang);
  if (a.entities) cleaned.entities = a.entities.map(cleanEntity).filter((e) => e.name !== '');
  cleaned.id = articleId(cleaned);
  return article(cleaned);
}
