/**
 * `npm run bench:read`: how fast the readers parse big inputs, and in how much memory. Writes a
 * generated file of each format (kept in the temp folder and reused with --reuse), reads it through
 * `readInputs` as the importer does — no extraction, no database — and prints MB/s, articles/s and
 * the peak RSS. A small --max-old-space-size proves the readers stream: a JSON array larger than the
 * heap must still read whole.
 *
 *   npm run bench:read [-- --format jsonl,json,page,gbk,csv --articles 150000 --reuse]
 *   NODE_OPTIONS=--max-old-space-size=48 npm run bench:read -- --format json --reuse
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { readInputs } from '../ingest/index.ts';

const FORMATS = ['jsonl', 'json', 'page', 'gbk', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const { values: args } = parseArgs({
  options: {
    format: { type: 'string', default: FORMATS.join(',') },
    articles: { type: 'string', default: '150000' },
    reuse: { type: 'boolean', default: false },
  },
});
const N = Number(args.articles);
const formats = args.format.split(',').map((f) => f.trim());
for (const f of formats) {
  if (!(FORMATS as readonly string[]).includes(f)) {
    console.error(`bench:read: unknown format "${f}"; choose from ${FORMATS.join(', ')}`);
    process.exit(2);
  }
}
if (!Number.isInteger(N) || N < 1) {
  console.error(`bench:read: --articles must be a positive integer, not "${args.articles}"`);
  process.exit(2);
}

const dir = path.join(os.tmpdir(), 'guanxi-bench-read');
const paragraph =
  '本报讯 5月7日，高新区党工委书记、管委会主任王新亭会见来郑结对帮扶的卢氏县委副书记李兴东、徐家湾乡乡长吕海波一行。'.repeat(8);

/** Article i of each format; the page format carries a page-break split for the repair step. */
const generators: Record<Format, { file: string; record: (i: number) => string; encode?: (s: string) => Buffer }> = {
  jsonl: {
    file: 'big.jsonl',
    record: (i) => JSON.stringify({ title: `标题 ${i}`, body: `${paragraph}\n第${i}段。${paragraph}`, date: '2020-05-07', source: 'bench' }) + '\n',
  },
  json: {
    file: 'big.json',
    record: (i) => (i === 0 ? '[' : ',\n') + JSON.stringify({ title: `标题 ${i}`, body: `${paragraph}\n第${i}段。${paragraph}`, date: '2020-05-07' }) + (i === N - 1 ? ']\n' : ''),
  },
  page: {
    file: 'big-page.txt',
    record: (i) => `# 标题 ${i}\n\n${paragraph}\n\n第${i}段，没有结束的句子被分页打断了进一步凝聚党\n\n心民心。记者 孙庆辉\n\n`,
  },
  gbk: {
    file: 'big-gbk.txt',
    record: (i) => `## 标题 ${i}\n\n${paragraph}\n\n第${i}段。记者 孙庆辉\n\n`,
    encode: (s) => iconv.encode(s, 'gbk'),
  },
  csv: {
    file: 'big.csv',
    record: (i) => (i === 0 ? '标题,正文,日期\n' : '') + `标题 ${i},"${paragraph}\n第${i}段。",2020-05-07\n`,
  },
};

async function writeCorpus(format: Format, file: string): Promise<void> {
  const { record, encode } = generators[format];
  const out = createWriteStream(file);
  for (let i = 0; i < N; i++) {
    const text = record(i);
    if (!out.write(encode ? encode(text) : text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const exists = (file: string) => stat(file).then(() => true, () => false);

await mkdir(dir, { recursive: true });
for (const format of formats as Format[]) {
  const file = path.join(dir, generators[format].file);
  if (!args.reuse || !(await exists(file))) await writeCorpus(format, file);
  const megabytes = (await stat(file)).size / 2 ** 20;
  let articles = 0;
  let problems = 0;
  let peakRss = process.memoryUsage().rss;
  const start = performance.now();
  for await (const item of readInputs([file])) {
    if (item.kind === 'article') articles++;
    else problems++;
    if ((articles & 1023) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${format}: ${megabytes.toFixed(0)} MB, ${articles} articles, ${problems} problems, ${seconds.toFixed(1)} s, ` +
      `${(megabytes / seconds).toFixed(1)} MB/s, ${(articles / seconds).toFixed(0)} articles/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );
}
