import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GivenEntitySchema, type ArticleInput, type DateSource, type Origin } from '@guanxi/shared';
import { dateFromFileName, dateFromText, normaliseDate } from './dates.ts';

/** Short hex digest; 16 hex chars (64 bits) keep collisions out of reach for any realistic corpus. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Fragments, default ports and case of scheme/host do not make a different article. */
export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    return u.toString();
  } catch {
    return url.trim();
  }
}

/**
 * The stable id: the same input gives the same id on every run, on every machine. An url
 * identifies an article best; without one, what the reader saw (source, title, date and a hash
 * of the body) does, so re-importing a page does not duplicate its articles.
 */
export function articleId(a: { url?: string; source?: string; title: string; date?: string; body: string }): string {
  if (a.url) return `url-${digest(normaliseUrl(a.url))}`;
  return `art-${digest([a.source ?? '', a.title, a.date ?? '', digest(a.body)].join('\u0000'))}`;
}

/**
 * 'zh' when Han characters outnumber Latin letters, 'ja'/'ko' when kana/hangul are a fair share
 * of the CJK text, 'en' for Latin text. Only a sample is looked at; this is a routing hint for
 * the extractor, not a language identifier.
 */
export function guessLanguage(text: string): string | undefined {
  const sample = text.slice(0, 4000);
  let han = 0, kana = 0, hangul = 0, latin = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff)) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  const cjk = han + kana + hangul;
  // A CJK character carries about a word; Latin letters about a fifth of one.
  if (cjk > 0 && cjk * 3 >= latin) {
    if (hangul > cjk / 3) return 'ko';
    if (kana > cjk / 10) return 'ja';
    return 'zh';
  }
  return latin > 0 ? 'en' : undefined;
}

/** Paragraphs trimmed, blank lines dropped, joined by "\n": the body shape every reader stores. */
export function tidyBody(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    // trim() (the same white space as \s, U+3000 included), not `[\s]+$`: that is quadratic in a run of spaces.
    .map((line) => line.trim().replace(/[ \t]+/g, ' '))
    .filter((line) => line !== '')
    .join('\n');
}

/** The fields a reader has found, before the id, language and defaults are settled. */
export type ArticleDraft = Partial<Omit<ArticleInput, 'id' | 'body' | 'origin'>> & Pick<ArticleInput, 'body' | 'origin'>;

export function finishArticle(d: ArticleDraft): ArticleInput {
  const body = d.body;
  const title = (d.title?.trim() || firstLineTitle(body)).replace(/\s+/g, ' ');
  const article: ArticleInput = {
    id: articleId({ url: d.url, source: d.source, title, date: d.date, body }),
    title,
    body,
    authors: d.authors ?? [],
    origin: d.origin,
  };
  if (d.subtitle?.trim()) article.subtitle = d.subtitle.trim();
  if (d.date) {
    article.date = d.date;
    article.dateSource = d.dateSource ?? 'metadata';
  }
  if (d.source?.trim()) article.source = d.source.trim();
  if (d.url?.trim()) article.url = d.url.trim();
  const lang = d.lang?.trim() || guessLanguage(title + '\n' + body);
  if (lang) article.lang = lang;
  if (d.entities) article.entities = d.entities;
  return article;
}

/** A title for an untitled article: its first line, cut at a sentence end or 60 characters. */
function firstLineTitle(body: string): string {
  const line = body.split('\n', 1)[0] ?? '';
  const sentence = /^.{1,60}?[。！？.!?](?=\s|$|[^\d])/u.exec(line)?.[0] ?? line;
  return [...sentence].length > 60 ? [...sentence].slice(0, 60).join('') + '…' : sentence;
}

const Text = z.union([z.string(), z.number().transform(String)]);
const PersonName = z.union([z.string(), z.object({ name: z.string() }).transform((o) => o.name)]);

/**
 * A structured record (JSON, JSONL, CSV row mapped to these names). Unknown fields are ignored;
 * `entities` must be well formed, since they go into the graph as they are.
 */
export const RawRecordSchema = z.object({
  id: Text.optional(),
  title: Text.nullish(),
  headline: Text.nullish(),
  subtitle: Text.nullish(),
  body: Text.nullish(),
  content: Text.nullish(),
  text: Text.nullish(),
  date: z.union([Text, z.null()]).optional(),
  published: Text.nullish(),
  publishedAt: Text.nullish(),
  published_at: Text.nullish(),
  url: Text.nullish(),
  link: Text.nullish(),
  source: Text.nullish(),
  publication: Text.nullish(),
  lang: Text.nullish(),
  language: Text.nullish(),
  author: z.union([PersonName, z.array(PersonName)]).nullish(),
  authors: z.union([PersonName, z.array(PersonName)]).nullish(),
  entities: z.array(GivenEntitySchema).optional(),
});

/** Splits "张三、李四" or "Jane Doe; John Roe" into names. */
export function splitAuthors(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : value.split(/[,;，；、|]|\s+and\s+/);
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}

export interface RecordContext {
  /** Passed in so that bodies scraped as HTML become text without this module loading a DOM. */
  htmlToText: (html: string) => string;
  /** The input's name, for a date from the file name when neither metadata nor text has one. */
  fileName?: string;
}

/** The date of an article without one in its metadata: from its text, else from the file name. */
export function fallbackDate(title: string, body: string, fileName?: string): { date?: string; dateSource?: DateSource } {
  const fromName = fileName && fileName !== '-' ? dateFromFileName(fileName) : {};
  const fromText = dateFromText(title, body, fromName.context).date;
  if (fromText) return { date: fromText, dateSource: 'text' };
  if (fromName.date) return { date: fromName.date, dateSource: 'filename' };
  return {};
}

/** Normalises a JSON/CSV record into an article, or says why it cannot. */
export function articleFromRecord(raw: unknown, origin: Origin, ctx: RecordContext): ArticleInput | { reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { reason: `expected an object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}` };
  }
  const parsed = RawRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
    return { reason: `${where || 'record'}: ${issue.message}` };
  }
  const r = parsed.data;
  let body = r.body ?? r.content ?? r.text ?? '';
  if (/<(p|br|div|span|a|img|h\d|li|strong|em)\b[^>]*>/i.test(body)) body = ctx.htmlToText(body);
  body = tidyBody(body);
  if (!body) return { reason: 'missing body' };
  const rawDate = r.date ?? r.published ?? r.publishedAt ?? r.published_at;
  const title = r.title ?? r.headline ?? undefined;
  const metadataDate = normaliseDate(rawDate ?? undefined);
  const { date, dateSource } = metadataDate ? { date: metadataDate, dateSource: 'metadata' as const }
    : fallbackDate(title ?? '', body, ctx.fileName);
  return finishArticle({
    title,
    subtitle: r.subtitle ?? undefined,
    body,
    date,
    dateSource,
    source: r.source ?? r.publication ?? undefined,
    url: r.url ?? r.link ?? undefined,
    authors: [...splitAuthors(r.authors ?? undefined), ...splitAuthors(r.author ?? undefined)],
    lang: r.lang ?? r.language ?? undefined,
    entities: r.entities,
    origin,
  });
}
