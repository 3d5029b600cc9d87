import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createExtractor } from '../extract/index.ts';
import { isCorpusFragment, syntheticCorpus } from './corpus.ts';

/**
 * npm run bench:hubs [-- --articles 3000]
 *
 * The biggest hubs of the importer's generated collection (the corpus of bench:import, same
 * generator and seed): each article through the extractor, entities counted by the articles that
 * name them, the ten highest printed. A fragment among them — an organization or project that is
 * only the tail of one of the corpus's generic kinds (纪委, 发展有限公司, 提升平台), a one-character
 * person — fails the check (exit code 1), and the count of fragments over all articles is printed
 * beside it.
 */
const { values: args } = parseArgs({ options: { articles: { type: 'string', default: '3000' }, top: { type: 'string', default: '10' } } });
const N = Number(args.articles);
const TOP = Number(args.top);

const extractor = createExtractor();
const articles = new Map<string, number>();
const fragments = new Map<string, number>();
const bar = new SingleBar({ format: 'extract {bar} {value}/{total} articles | {rate}/s | ETA {eta}s', clearOnComplete: true }, Presets.shades_classic);
if (process.stderr.isTTY) bar.start(N, 0, { rate: 0 });
const started = performance.now();
let done = 0;
const batch: Array<{ title: string; body: string; date: string; lang: string }> = [];
const flush = () => {
  for (const extraction of extractor.extractMany(batch)) {
    for (const e of extraction.entities) {
      if (e.mentions.length === 0) continue;
      const id = `${e.type}:${e.name}`;
      articles.set(id, (articles.get(id) ?? 0) + 1);
      if (isCorpusFragment(e.type, e.name)) fragments.set(id, (fragments.get(id) ?? 0) + 1);
    }
  }
  done += batch.length;
  batch.length = 0;
  if (process.stderr.isTTY) bar.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) });
};
for (const a of syntheticCorpus(N)) {
  batch.push({ title: a.title, body: a.body, date: a.date, lang: 'zh' });
  if (batch.length === 64) flush();
}
flush();
bar.stop();
const top = [...articles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP);
const bad = top.filter(([id]) => isCorpusFragment(id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)));
console.log(`bench:hubs — ${N} generated articles (bench:import's corpus), ${articles.size} entities, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log('rank  articles  entity');
top.forEach(([id, n], i) => console.log(`${String(i + 1).padStart(4)}  ${String(n).padStart(8)}  ${id}${bad.some(([b]) => b === id) ? '   ← FRAGMENT' : ''}`));
const fragmentMentions = [...fragments.values()].reduce((a, b) => a + b, 0);
console.log(`fragments over all articles: ${fragments.size} entities in ${fragmentMentions} article mentions${fragments.size ? ` (${[...fragments].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, c]) => `${n} ${c}`).join(', ')})` : ''}`);
console.log(bad.length === 0 ? `check: none of the top ${TOP} is a fragment` : `check FAILED: ${bad.length} of the top ${TOP} are fragments`);
process.exitCode = bad.length === 0 ? 0 : 1;
