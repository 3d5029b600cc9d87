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
import { tooLargeArticle, type InputLimits } from './limits.ts';

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Above this share of control characters and U+FFFD, text is binary data, not words: text has next to none, random bytes 12 % or more in every single-byte encoding. */
const BINARY_SHARE = 0.05;
const BINARY_SAMPLE = 64 * 1024;
const MIN_BINARY_JUNK = 32;

export function hasControls(text: string): boolean {
  return CONTROL.test(text);
}

/** Form feeds and vertical tabs end a page or a line; every other control character is dropped. */
export function stripControls(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(/[\u000b\u000c]/g, '\n').replace(CONTROLS, '');
}

/** Control characters and U+FFFD in (the start of) `text`, and their share of it. */
function junk(text: string): { count: number; share: number } {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) count++;
  }
  return { count, share: sample.length === 0 ? 0 : count / sample.length };
}

export function junkShare(text: string): number {
  return junk(text).share;
}

/**
 * Binary: mostly junk, or junk well above what text has over more than a few characters. A short
 * text with a stray NUL or U+FFFD is text with a flaw: it is cleaned, not refused.
 */
export function looksBinary(text: string): boolean {
  const { count, share } = junk(text);
  return share > 0.5 || (share > BINARY_SHARE && count >= MIN_BINARY_JUNK);
}

/**
 * Whether the start of a file is binary: junk throughout, not one bad line among good ones (that
 * line is then the reader's problem, and the good records around it are kept).
 */
export function looksBinaryFile(sample: string): boolean {
  if (!looksBinary(sample)) return false;
  const lines = sample.slice(0, BINARY_SAMPLE).split('\n').filter((l) => l.trim() !== '');
  return lines.filter((l) => junkShare(l) > 0).length * 2 > lines.length;
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
    return problem(a.origin, tooLargeArticle(size, limits.maxArticleChars));
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
