/**
 * `npm run bench:extract`: Chinese extraction throughput on one core. The corpus is deterministic:
 * the sample page's articles repeated to about 1 MB of UTF-8. Dictionary loading is done before the
 * clock starts. Prints chars/s and MB/s (UTF-8 bytes of input per second).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../extract/index.ts';

const samplePath = fileURLToPath(new URL('../../../../shared/samples/000_6e39ae099963ee5f.txt', import.meta.url));
const page = readFileSync(samplePath, 'utf8');
const parts = page.split(/^#{1,2} (.*)$/m);
const articles: Array<{ title: string; body: string }> = [];
for (let i = 1; i < parts.length; i += 2) articles.push({ title: parts[i]!.trim(), body: parts[i + 1]!.trim() });

const extractor = createExtractor();
extractor.extract({ title: '', body: '预热。' });
const targetBytes = 1 << 20;
let bytes = 0;
let chars = 0;
const started = performance.now();
for (let round = 0; bytes < targetBytes; round++) {
  for (const a of articles) {
    extractor.extract({ ...a, date: '2020-05-08' });
    bytes += Buffer.byteLength(a.body);
    chars += a.body.length;
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`${chars} chars (${(bytes / 1e6).toFixed(2)} MB) in ${seconds.toFixed(2)} s: ${Math.round(chars / seconds)} chars/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);
