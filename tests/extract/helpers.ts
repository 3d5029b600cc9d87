import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE_PATH = fileURLToPath(new URL('../../samples/gaoxin-2020-05.txt', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url));

/** The sample page split by its #/## headings: title, and the body up to the next heading. */
export function sampleArticles(): Array<{ title: string; body: string }> {
  const parts = readFileSync(SAMPLE_PATH, 'utf8').split(/^#{1,2} (.*)$/m);
  const out: Array<{ title: string; body: string }> = [];
  for (let i = 1; i < parts.length; i += 2) out.push({ title: parts[i]!.trim(), body: parts[i + 1]!.trim() });
  return out;
}
