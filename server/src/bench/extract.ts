/**
 * `npm run bench:extract`: Chinese extraction throughput on one core. The corpus is deterministic:
 * the sample page's articles repeated to about 1 MB of UTF-8. Dictionary loading is done before the
 * clock starts. Prints chars/s and MB/s (UTF-8 bytes of input per second) of wall time, then MB per
 * CPU-second of this process (GC and JIT threads included), which a loaded machine does not distort.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../extract/index.ts';

const samplePath = fileURLToPath(new URL('../../../samples/gaoxin-2020-05.txt', import.meta.url));
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
const cpuStarted = process.cpuUsage();
for (let round = 0; bytes < targetBytes; round++) {
  for (const a of articles) {
    extractor.extract({ ...a, date: '2020-05-08' });
    bytes += Buffer.byteLength(a.body);
    chars += a.body.length;
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`${chars} chars (${(bytes / 1e6).toFixed(2)} MB) in ${seconds.toFixed(2)} s: ${Math.round(chars / seconds)} chars/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`);
// On a shared machine wall time includes waiting for a core; CPU time is what one core spent.
console.log(`CPU time ${cpuSeconds.toFixed(2)} s: ${(bytes / 1e6 / cpuSeconds).toFixed(2)} MB per CPU-second (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
