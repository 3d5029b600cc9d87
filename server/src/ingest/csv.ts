/**
 * CSV/TSV with a header row, streamed through csv-parse. Columns are found by the option
 * `csvColumns`, else by common header names in English and Chinese. A malformed row is one
 * problem; csv-parse skips it and goes on.
 */
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { articleFromRecord } from './article.ts';
import { htmlToText } from './html.ts';
import { article, problem, type InputField, type InputItem, type ReadContext } from './items.ts';

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

export async function* readCsv(chunks: AsyncIterable<string>, ctx: ReadContext): AsyncGenerator<InputItem> {
  const iterator = chunks[Symbol.asyncIterator]();
  // The header line decides the delimiter, so peek at the first chunk(s) until a newline.
  const head: string[] = [];
  let peeked = '';
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    head.push(next.value);
    peeked += next.value;
    if (/[\r\n]/.test(peeked) || peeked.length > 1 << 20) break;
  }
  const delimiter = sniffDelimiter(peeked.split(/\r?\n/, 1)[0] ?? '', ctx.formatName);
  const rest = (async function* () {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();

  const skipped: CsvError[] = [];
  let mapping: Partial<Record<Field, string>> | undefined;
  let headerProblem: string | undefined;
  const parser = Readable.from(rest).pipe(parse({
    delimiter,
    bom: true,
    columns: (headers: string[]) => {
      mapping = mapColumns(headers, ctx.options.csvColumns);
      if (!mapping.body) headerProblem = `CSV: no body column among the headers (${headers.join(', ')}); use the csvColumns option`;
      return headers;
    },
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  }));
  parser.on('skip', (error: CsvError) => skipped.push(error));

  let record = 0;
  let lastLine = 1; // csv-parse tells the line a row ends on; the next row starts after it
  // csv-parse reports skipped rows by event, ahead of the rows it has parsed but we have not
  // read yet; a skipped row is released once the rows before it are out, to keep file order.
  const drainSkipped = function* (beforeLine = Infinity): Generator<InputItem> {
    while (skipped.length > 0 && (typeof skipped[0]!.lines !== 'number' || skipped[0]!.lines < beforeLine)) {
      const error = skipped.shift()!;
      yield problem({ file: ctx.file, line: lastLine + 1, record: ++record }, `CSV: ${error.message}`);
      if (typeof error.lines === 'number') lastLine = error.lines;
    }
  };
  try {
    for await (const { record: row, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; records: number } }>) {
      yield* drainSkipped(info.lines);
      if (headerProblem) {
        yield problem({ file: ctx.file, line: 1 }, headerProblem);
        parser.destroy();
        return;
      }
      record++;
      const pick = (field: Field) => (mapping?.[field] !== undefined ? row[mapping[field]!] : undefined);
      const origin = { file: ctx.file, line: lastLine + 1, record };
      lastLine = info.lines;
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
  } catch (error) {
    yield* drainSkipped();
    yield problem({ file: ctx.file, record: record + 1 }, `CSV: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  yield* drainSkipped();
  if (headerProblem && record === 0) yield problem({ file: ctx.file, line: 1 }, headerProblem);
}
