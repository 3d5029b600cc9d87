/**
 * CSV/TSV with a header row. Records are found line by line (csv-records.ts) and each is parsed
 * by csv-parse on its own, so a malformed row is one problem and the rows around it are kept.
 * Columns are found by the option `csvColumns`, else by common header names in English and Chinese.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { articleFromRecord } from './article.ts';
import { htmlToText } from './html.ts';
import { splitCsvRecords } from './csv-records.ts';
import { article, problem, type InputField, type InputItem, type ReadContext } from './items.ts';
import { splitLines, tooLongLine } from './lines.ts';

type Field = InputField | 'subtitle';

/** Header names per field, compared lower-cased with spaces, dashes and underscores removed. */
const DEFAULT_HEADERS: Record<Field, string[]> = {
  title: ['title', 'headline', 'heading', '标题', '题目', '新闻标题', '文章标题', '主标题'],
  subtitle: ['subtitle', 'subheadline', 'deck', '副标题', '副题'],
  body: ['body', 'content', 'text', 'article', 'fulltext', 'articletext', '正文', '内容', '全文', '文本', '新闻内容', '文章内容'],
  date: ['date', 'published', 'publishedat', 'publishdate', 'pubdate', 'datepublished', 'time', 'datetime', '日期', '时间',
    '发布时间', '发布日期', '发表日期', '出版日期'],
  url: ['url', 'link', 'href', 'permalink', '链接', '网址', '原文链接'],
  source: ['source', 'publication', 'publisher', 'newspaper', 'outlet', 'media', '来源', '媒体', '报纸', '出处', '报刊', '版面'],
  author: ['author', 'authors', 'byline', 'writer', '作者', '记者'],
  lang: ['lang', 'language', '语言', '语种'],
};

const squash = (header: string) => header.trim().toLowerCase().replace(/[\s_\-]+/g, '');

/** Which header is each field, from the options first, then the defaults. */
export function mapColumns(headers: string[], given: Partial<Record<InputField, string>> = {}): Partial<Record<Field, string>> {
  const byName = new Map(headers.map((h) => [squash(h), h]));
  const mapping: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(DEFAULT_HEADERS) as Field[]) {
    const wanted = field === 'subtitle' ? undefined : given[field];
    if (wanted !== undefined) {
      const header = byName.get(squash(wanted));
      if (header !== undefined) mapping[field] = header;
      continue;
    }
    const header = DEFAULT_HEADERS[field].map((name) => byName.get(name)).find((h) => h !== undefined);
    if (header !== undefined) mapping[field] = header;
  }
  return mapping;
}

/** The delimiter is the most frequent of , ; tab | in the header line (".tsv" means tab). */
function sniffDelimiter(headerLine: string, formatName: string): string {
  if (/\.tsv$/i.test(formatName)) return '\t';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** csv-parse's message without its "at line 1": it saw one record, and the origin gives the file's line. */
function csvMessage(message: string): string {
  return `CSV: ${message.replace(/ at line \d+/, '')}`;
}

export async function* readCsv(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  let delimiter: string | undefined;
  let headers: string[] | undefined;
  let mapping: Partial<Record<Field, string>> = {};
  let record = 0;
  const parse = (text: string): string[] => {
    delimiter ??= sniffDelimiter(text.split('\n', 1)[0]!, ctx.formatName);
    return (parseCsv(text, { delimiter, relax_column_count: true }) as string[][])[0] ?? [];
  };
  const lines = splitLines(chunks, ctx.limits.maxLineChars);
  for await (const found of splitCsvRecords(lines, ctx.limits.maxArticleChars, parse)) {
    if (found.kind === 'tooLong') {
      yield problem({ file: ctx.file, line: found.line }, tooLongLine(found.length, ctx.limits.maxLineChars));
      continue;
    }
    const origin = { file: ctx.file, line: found.line, ...(headers ? { record: ++record } : {}) };
    if (found.kind === 'bad') {
      yield problem(origin, found.reason !== undefined ? `${csvMessage(found.reason)}; the line is skipped and reading goes on with the next one`
        : 'CSV: a quoted field opened on this line is never closed; the line is skipped and reading goes on with the next one');
      continue;
    }
    const fields = found.fields;
    if (!headers) {
      headers = fields;
      mapping = mapColumns(headers, ctx.options.csvColumns);
      if (!mapping.body) {
        yield problem({ file: ctx.file, line: 1 }, `CSV: no body column among the headers (${headers.join(', ')}); use the csvColumns option`);
        return;
      }
      continue;
    }
    const row = new Map<string, string>();
    headers.forEach((h, i) => row.set(h, fields[i] ?? ''));
    const pick = (field: Field) => (mapping[field] !== undefined ? row.get(mapping[field]!) : undefined);
    const result = articleFromRecord({
      title: pick('title') || undefined,
      subtitle: pick('subtitle') || undefined,
      body: pick('body') ?? '',
      date: pick('date') || undefined,
      url: pick('url') || undefined,
      source: pick('source') || undefined,
      author: pick('author') || undefined,
      lang: pick('lang') || undefined,
    }, origin, { htmlToText, fileName: ctx.formatName });
    yield 'reason' in result ? problem(origin, result.reason) : article(result);
  }
}
