/**
 * Whole-pipeline held-out F1 on PD-dev — rules + tagger + `recognize`'s combination, scored like
 * `eval-ner` — for choosing features, epochs and margins without touching the test sets:
 * `npx tsx --conditions=guanxi-source server/src/extract/learn/heldout.ts [--folds K] [--bags 3] [--epochs 10,25] [--min-count 3] [--errors]
 * [--sweep rule=8,16,32]`. `--sweep` scores each value of one of `recognize`'s margins with the same
 * trained models (the other margins as shipped), so a margin costs one training run, not one per value.
 * Without --folds: trained on the first 85 % of sentences, scored on the last 15 % (the slice the docs
 * report). With --folds K: K contiguous folds, each scored by a model trained on the others, pooled.
 * `novel-R` is the recall on entities whose text is not an entity anywhere in the training part.
 */
import { readFileSync } from 'node:fs';
import { parseBio } from '../eval/bio.ts';
import { countSentence, emptyCounts, micro, prf } from '../eval/score.ts';
import { foldWidth } from '../text/fold.ts';
import { DEFAULT_MARGINS, type Margins, recognize } from '../chinese/recognize.ts';
import { Tagger } from './model.ts';
import { bagTrainingSets, exampleOf, trainTagger } from './train.ts';
import { augmentArgs } from './augment.ts';

const arg = (n: string, d: string) => { const i = process.argv.indexOf('--' + n); return i >= 0 ? process.argv[i + 1]! : d; };
const K = Number(arg('folds', '0'));
const epochsList = arg('epochs', '25').split(',').map(Number);
const minCount = Number(arg('min-count', '3'));
const prune = Number(arg('prune', '1'));
// The perceptron's shuffle seed (train.ts's default), to measure seed noise.
const seed = Number(arg('seed', '20240601'));
// --bags B: B models (shuffle seeds seed … seed + B − 1, each with its own augmented copies) averaged,
// as train.ts ships (3); scored at the last epoch only. --bags 1 is three times faster, and scores
// every epoch in --epochs; --shared-copies gives every bag the same copies.
const bags = Number(arg('bags', '3'));
const bagAug = !process.argv.includes('--shared-copies');
const sweepArg = arg('sweep', '');
const [sweepName, sweepValues] = sweepArg ? sweepArg.split('=') as [keyof Margins, string] : [undefined, ''];
if (sweepName && !(sweepName in DEFAULT_MARGINS)) throw new Error(`--sweep: no margin named ${sweepName} (${Object.keys(DEFAULT_MARGINS).join(', ')})`);
const variants: Array<{ label: string; margins: Margins }> = sweepName
  ? sweepValues.split(',').map((v) => ({ label: ` ${sweepName}=${v}`, margins: { ...DEFAULT_MARGINS, [sweepName]: Number(v) } }))
  : [{ label: '', margins: DEFAULT_MARGINS }];
const path = '/work/shared/eval/peoples-daily-dev.bio';
const aug = augmentArgs(process.argv);
const t0 = performance.now();
const sents = parseBio(readFileSync(path, 'utf8'));
const ex = sents.map(exampleOf);
const T: Record<string, string> = { Person: 'PER', Place: 'LOC', Organization: 'ORG' };
// Recall on entities whose text never occurs as an entity in the training part (a proxy for new text).
let novel = { tp: 0, n: 0 };
const novelAgg = new Map<string, { tp: number; n: number }>();
let known = new Set<string>();
function evalPipe(tagger: Tagger, lo: number, hi: number, margins: Margins, printErrors: boolean) {
  const counts = emptyCounts();
  novel = { tp: 0, n: 0 };
  for (let i = lo; i < hi; i++) {
    const s = sents[i]!;
    const { spans } = recognize(foldWidth(s.text), [], tagger, margins);
    if (printErrors) {
      const pred = spans.filter((x) => T[x.type]).map((x) => ({ type: T[x.type]!, start: x.start, end: x.end }));
      const k = (e: { type: string; start: number; end: number }) => `${e.type}:${e.start}:${e.end}`;
      const g = new Set(s.entities.map(k));
      const p = new Set(pred.map(k));
      const t = foldWidth(s.text);
      for (const e of s.entities) if (!p.has(k(e))) console.log(`FN ${e.type} ${t.slice(e.start, e.end)}  | ${t.slice(Math.max(0, e.start - 8), e.end + 8)}`);
      for (const e of pred) if (!g.has(k(e))) console.log(`FP ${e.type} ${t.slice(e.start, e.end)}  | ${t.slice(Math.max(0, e.start - 8), e.end + 8)}`);
    }
    const predKeys = new Set(spans.map((x) => `${T[x.type]}:${x.start}:${x.end}`));
    for (const e of s.entities) {
      if (known.has(s.text.slice(e.start, e.end))) continue;
      novel.n++;
      if (predKeys.has(`${e.type}:${e.start}:${e.end}`)) novel.tp++;
    }
    countSentence(s.entities, spans.filter((x) => T[x.type]).map((x) => ({ type: T[x.type]!, start: x.start, end: x.end })), counts);
  }
  return counts;
}
const splits: Array<[number, number]> = [];
if (K > 0) for (let k = 0; k < K; k++) splits.push([Math.floor((ex.length * k) / K), Math.floor((ex.length * (k + 1)) / K)]);
else splits.push([Math.floor(ex.length * 0.85), ex.length]);
const maxE = Math.max(...epochsList);
const agg = new Map<string, ReturnType<typeof emptyCounts>>();
for (const [lo, hi] of splits) {
  // Pools from the training folds only: the held-out fold's names must stay unseen.
  const ownCopies = bagTrainingSets([...ex.slice(0, lo), ...ex.slice(hi)], [...sents.slice(0, lo), ...sents.slice(hi)], aug);
  const shared = bagAug ? undefined : ownCopies(0);
  const train = (b: number) => shared ?? ownCopies(b);
  known = new Set([...sents.slice(0, lo), ...sents.slice(hi)].flatMap((s) => s.entities.map((e) => s.text.slice(e.start, e.end))));
  const scoreAt = (e: number, model: () => Tagger) => {
      const tagger = Tagger.decode(model().encode());
      for (const [v, { label, margins }] of variants.entries()) {
        const key = `e${e}${label}`;
        // With --sweep, the misses of the first value only: the others would repeat most of them.
        const c = evalPipe(tagger, lo, hi, margins, v === 0 && process.argv.includes('--errors'));
        const a = agg.get(key) ?? emptyCounts();
        for (const t of ['PER', 'LOC', 'ORG'] as const) { a[t].tp += c[t].tp; a[t].fp += c[t].fp; a[t].fn += c[t].fn; }
        agg.set(key, a);
        const nv = novelAgg.get(key) ?? { tp: 0, n: 0 };
        nv.tp += novel.tp;
        nv.n += novel.n;
        novelAgg.set(key, nv);
        if (K > 0 && process.argv.includes('--verbose')) console.log(`fold ${lo}-${hi} ${key}: micro ${(micro(c).f1 * 100).toFixed(2)} ORG ${(prf(c.ORG).f1 * 100).toFixed(2)}`);
      }
  };
  const { tagger } = trainTagger(train, {
    epochs: maxE, seed, minCount, prune, bags,
    onEpoch: (e, _err, model) => { if (bags === 1 && epochsList.includes(e)) scoreAt(e, model); },
  });
  if (bags > 1) scoreAt(maxE, () => tagger);
}
for (const key of agg.keys()) {
  const a = agg.get(key)!;
  const f = (x: number) => (x * 100).toFixed(2);
  console.log(`${K ? K + '-fold' : 'slice'} ${key}: PER ${f(prf(a.PER).f1)} LOC ${f(prf(a.LOC).f1)} ORG ${f(prf(a.ORG).f1)} (P ${f(prf(a.ORG).p)} R ${f(prf(a.ORG).r)}) micro ${f(micro(a).f1)} novel-R ${f(novelAgg.get(key)!.tp / novelAgg.get(key)!.n)} (${novelAgg.get(key)!.n})${aug.copies ? ` aug K=${aug.copies} p=${aug.replace} ext=${aug.external}` : ''}${bags > 1 ? ` bags=${bags}${bagAug ? '' : ' (shared copies)'}` : ''}  [${((performance.now() - t0) / 1000).toFixed(0)} s]`);
}
