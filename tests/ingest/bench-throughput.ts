/**
 * Reading throughput and memory on big generated inputs (not a test; run by hand):
 *   npx tsx tests/ingest/bench-throughput.ts jsonl|json|page|gbk|csv   (N=150000 articles by default)
 *   SKIP_WRITE=1 NODE_OPTIONS=--max-old-space-size=48 npx tsx tests/ingest/bench-throughput.ts json
 * The second form reuses the generated file and proves constant memory: a 48 MB heap reads it all.
 */
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { readInputs } from '../../server/src/ingest/index.ts';

const dir = '/tmp/guanxi-bench';
await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
const para = '本报讯 5月7日，高新区党工委书记、管委会主任王新亭会见来郑结对帮扶的卢氏县委副书记李兴东、徐家湾乡乡长吕海波一行。'.repeat(8);
async function write(file: string, n: number, line: (i: number) => string, encode?: (s: string) => Buffer) {
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const s = line(i);
    if (!out.write(encode ? encode(s) : s)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}
const N = Number(process.env.N ?? 150000);
const which = process.argv[2];
const files: Record<string, [string, () => Promise<void>]> = {
  jsonl: [`${dir}/big.jsonl`, () => write(`${dir}/big.jsonl`, N, (i) => JSON.stringify({ title: `标题 ${i}`, body: `${para}\n第${i}段。${para}`, date: '2020-05-07', source: 'bench' }) + '\n')],
  json: [`${dir}/big.json`, () => write(`${dir}/big.json`, N, (i) => (i === 0 ? '[' : ',\n') + JSON.stringify({ title: `标题 ${i}`, body: `${para}\n第${i}段。${para}`, date: '2020-05-07' }) + (i === N - 1 ? ']\n' : ''))],
  page: [`${dir}/big-page.txt`, () => write(`${dir}/big-page.txt`, N, (i) => `# 标题 ${i}\n\n${para}\n\n第${i}段，没有结束的句子被分页打断了进一步凝聚党\n\n心民心。记者 孙庆辉\n\n`)],
  gbk: [`${dir}/big-gbk.txt`, () => write(`${dir}/big-gbk.txt`, N, (i) => `## 标题 ${i}\n\n${para}\n\n第${i}段。记者 孙庆辉\n\n`, (s) => iconv.encode(s, 'gbk'))],
  csv: [`${dir}/big.csv`, () => write(`${dir}/big.csv`, N, (i) => (i === 0 ? '标题,正文,日期\n' : '') + `标题 ${i},"${para}\n第${i}段。",2020-05-07\n`)],
};
const [file, make] = files[which!]!;
if (!process.env.SKIP_WRITE) await make();
const size = (await stat(file)).size;
let articles = 0, problems = 0, peak = 0;
const t0 = performance.now();
for await (const item of readInputs([file])) {
  if (item.kind === 'article') articles++; else problems++;
  if ((articles & 1023) === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const s = (performance.now() - t0) / 1000;
console.log(`${which}: ${(size / 2 ** 20).toFixed(0)} MB, ${articles} articles, ${problems} problems, ${s.toFixed(1)} s, ${(size / 2 ** 20 / s).toFixed(1)} MB/s, ${(articles / s).toFixed(0)} articles/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
