/**
 * Trains the learned tagger. The shipped model (docs/extraction.md, "2026-12-06: one training command")
 * is this command, at this commit:
 *   npm run train:ner   (train.ts --corpora msra --valid pddev --bags 3 --augment 2 --epochs 10; ~12 min)
 * — MSRA train (`../shared/train`, `corpora.ts`), scored on PD dev after every epoch, never trained on
 * it; three models (shuffle seeds 20240601 + b, each with two mention-replaced copies of its own),
 * averaged. Features, copies and epochs were chosen by training on `msrafit` with `--valid msradev`.
 * Options: `--corpora a,b` (msra, pd98, cluener, pddev) `--valid c` `--epochs N` `--min-count 3`
 * `--prune 1` `--bags B` `--augment K` `--seed S` `--out server/models/ner.bin`. Without `--corpora` it
 * trains on one BIO file (`--bio`, PD dev by default: the first round), holding out its last `--holdout`
 * share unless `--all`. Whole-pipeline held-out figures on PD dev folds: `heldout.ts`.
 *
 * A linear-chain model over BIOES × {PER, LOC, ORG} with the averaged structured perceptron
 * (Collins 2002): Viterbi-decode each training sentence with the current weights, add the gold
 * path's features, subtract the predicted path's. Features are `features.ts`; the rule extractor's
 * own spans are among them (stacking), so the model learns where the rules and the corpus disagree.
 *
 * Deterministic: a fixed seed shuffles the sentence order each epoch. The first round (PD dev only,
 * the notes below) chose augmentation and bags; with MSRA train's 20× the data neither was re-measured.
 *
 * `--augment K` adds K mention-replaced copies of each sentence with an entity (`augment.ts`; names
 * from the training sentences' own entities, plus external lists with `--aug-external 0.5`). 5-fold
 * PD-dev micro F1 over three shuffle seeds: 78.74 at K=0, 79.63 at K=1 (training-entity pool), and
 * seed-to-seed spread drops from 0.64 to 0.30. K=1 is the default and the shipped model; `--augment 0`
 * trains without copies. Features seen only in the copies average out near zero, hence `--prune 1`
 * (same fold F1, 44,683 features instead of 69,052).
 *
 * `--bags B` (default 3) trains B models, each with its own shuffle seed (seed + b) and its own
 * augmented copies (augmentation seed + b), and averages their weights: the training order alone moved
 * MSRA's PER by four points, and averaging removes that variance. 5-fold PD-dev micro F1 80.28 / 80.31
 * (shuffle seeds 20240601 / 7) against 79.52 / 79.46 for one model; 3 bags sharing one set of copies
 * 80.07; 5 bags with their own copies 80.71 / 80.29 (within the seeds' spread, for 5/3 of the time).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BioSentence, parseBio } from '../eval/bio.ts';
import { foldWidth } from '../text/fold.ts';
import { recognizeRules } from '../chinese/recognize.ts';
import { FEATURES, featurize } from './features.ts';
import { MODEL_PATH, Tagger } from './model.ts';
import { NT, spansFromTagSeq, tagsFromSpans } from './tags.ts';
import { viterbi } from './viterbi.ts';
import { type DenseModel, type EpochReport, type Example, meanOf, trainOne } from './perceptron.ts';

export type { Example } from './perceptron.ts';
import { corpusNames, readCorpus } from './corpora.ts';
import { type AugmentOptions, augment, augmentArgs, mulberry32, trainingPools } from './augment.ts';

const TYPE_INDEX: Record<string, number> = { PER: 0, LOC: 1, ORG: 2 };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The tagger of a dense model; entries below `prune` dropped, and features left with none. */
function pruned(m: DenseModel, prune: number): Tagger {
  const keep: number[] = [];
  for (let r = 0; r < m.keys.length; r++) {
    let max = 0;
    for (let t = 0; t < NT; t++) max = Math.max(max, Math.abs(m.weights[r * NT + t]!));
    if (max >= prune) keep.push(r);
  }
  const keys = new Int32Array(keep.length);
  const weights = new Float32Array(keep.length * NT);
  keep.forEach((r, i) => {
    keys[i] = m.keys[r]!;
    weights.set(m.weights.subarray(r * NT, r * NT + NT), i * NT);
  });
  return Tagger.fromDense(keys, weights, m.trans, m.start, m.end, prune);
}

export function score(tagger: Tagger, data: Example[]): string {
  const counts = [0, 1, 2].map(() => ({ tp: 0, fp: 0, fn: 0 }));
  const tags = new Uint8Array(4096);
  for (const ex of data) {
    const emit = tagger.emissions(ex.feats, ex.n);
    const out = tags.length >= ex.n ? tags.subarray(0, ex.n) : new Uint8Array(ex.n);
    viterbi(emit, ex.n, tagger.trans, tagger.start, tagger.end, out);
    const key = (s: { type: number; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;
    const gold = new Set(spansFromTagSeq(ex.gold).map(key));
    const pred = new Set(spansFromTagSeq(out).map(key));
    for (const k of pred) counts[Number(k[0])]![gold.has(k) ? 'tp' : 'fp']++;
    for (const k of gold) if (!pred.has(k)) counts[Number(k[0])]!.fn++;
  }
  const f = (c: { tp: number; fp: number; fn: number }) => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);
  const micro = counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return `PER ${f(counts[0]!).toFixed(4)} LOC ${f(counts[1]!).toFixed(4)} ORG ${f(counts[2]!).toFixed(4)} micro ${f(micro).toFixed(4)}`;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  minCount: number;
  prune: number;
  /** Models trained with different shuffle seeds and averaged (bagging away the training order). */
  bags?: number;
  /** Called after every epoch (of the first bag) with the averaged model so far (held-out scoring). */
  onEpoch?: (epoch: number, errors: number, model: () => Tagger) => void;
}

/** One sentence as a training example: folded text, the rules' units and spans, feature hashes, gold tags. */
export function exampleOf(s: BioSentence): Example {
  const text = foldWidth(s.text);
  const { units, spans } = recognizeRules(text);
  const gold = tagsFromSpans(text.length, s.entities.filter((e) => e.type in TYPE_INDEX).map((e) => ({ type: TYPE_INDEX[e.type]!, start: e.start, end: e.end })));
  // GUANXI_NER_NO_RULES=1 (measurement only): the tagger without the rules' verdicts as features.
  return { n: text.length, feats: featurize(text, units, process.env.GUANXI_NER_NO_RULES ? [] : spans), gold };
}

/**
 * Averaged-perceptron training; deterministic for a given seed. With `bags` > 1, one model per shuffle
 * seed (seed, seed + 1, …), their weights averaged; `train` is then each bag's examples, or the same for all.
 */
export function trainTagger(train: Example[] | ((bag: number) => Example[]), opts: TrainOptions): { tagger: Tagger; seen: number } {
  const { epochs, seed, minCount, prune, bags = 1 } = opts;
  const models: DenseModel[] = [];
  for (let b = 0; b < bags; b++) {
    const data = typeof train === 'function' ? train(b) : train;
    const onEpoch = b === 0 ? (r: EpochReport) => opts.onEpoch?.(r.epoch, r.errors, () => pruned(r.model(), prune)) : undefined;
    models.push(trainOne(data, epochs, seed + b, minCount, onEpoch));
  }
  const model = models.length === 1 ? models[0]! : meanOf(models);
  return { tagger: pruned(model, prune), seen: model.keys.length };
}

/**
 * Each bag's training examples: the originals plus mention-replaced copies of their sentences, bag b's
 * drawn with augmentation seed `aug.seed + b` (names from `sentences` only, never a held-out part).
 */
export function bagTrainingSets(originals: Example[], sentences: BioSentence[], aug: AugmentOptions): (bag: number) => Example[] {
  const pools = trainingPools(sentences);
  return (bag) => (aug.copies > 0 ? [...originals, ...augment(sentences, pools, { ...aug, seed: aug.seed + bag }).map(exampleOf)] : originals);
}

/** Examples of many sentences, with a progress line on a terminal. */
function featurizeAll(sentences: BioSentence[]): Example[] {
  const out: Example[] = [];
  for (const s of sentences) {
    out.push(exampleOf(s));
    if (process.stderr.isTTY && out.length % 5000 === 0) process.stderr.write(`\r features: ${out.length} / ${sentences.length} sentences`);
  }
  if (process.stderr.isTTY && sentences.length >= 5000) process.stderr.write('\n');
  return out;
}

function main(): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  const bioPath = resolve(arg('bio', resolve(repo, '../shared/eval/peoples-daily-dev.bio')));
  const epochs = Number(arg('epochs', '25'));
  const holdout = Number(arg('holdout', '0.15'));
  const all = process.argv.includes('--all');
  const outPath = resolve(arg('out', MODEL_PATH));
  const prune = Number(arg('prune', '1'));
  const seed = Number(arg('seed', '20240601'));
  const minCount = Number(arg('min-count', '3'));
  const bags = Number(arg('bags', '3'));
  const started = performance.now();
  let train: (bag: number) => Example[];
  let held: Example[];
  // Validation sets scored one by one (with --corpora), else `held` as one.
  let heldSets: Array<{ name: string; data: Example[] }> = [];
  if (process.argv.includes('--corpora')) {
    // --corpora msra,pd98,cluener [--valid pddev]: the named corpora (corpora.ts), scored each epoch on
    // the validation corpus, which the model never trains on.
    const names = corpusNames(arg('corpora', 'msra,pd98,cluener'));
    const valid = corpusNames(arg('valid', ''));
    const sentences = names.flatMap((n) => readCorpus(n));
    const examples = featurizeAll(sentences);
    heldSets = valid.map((n) => ({ name: n, data: featurizeAll(readCorpus(n)) }));
    held = heldSets.flatMap((h) => h.data);
    const aug = augmentArgs(process.argv);
    train = bagTrainingSets(examples, sentences, aug);
    console.log(`${names.join(' + ')}: ${examples.length} sentences, ${examples.reduce((a, e) => a + e.n, 0)} characters (augment K=${aug.copies}; ${bags} bags); validating on ${valid.join(' + ') || 'nothing'} (${held.length}); features ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    const sentences = parseBio(readFileSync(bioPath, 'utf8'));
    const examples = sentences.map(exampleOf);
    const cut = all ? examples.length : Math.floor(examples.length * (1 - holdout));
    held = examples.slice(cut);
    // --augment K: K mention-replaced copies of each training sentence with an entity (augment.ts), each
    // bag its own; replacement names come from the training sentences' own entities and external lists only.
    const aug = augmentArgs(process.argv);
    train = bagTrainingSets(examples.slice(0, cut), sentences.slice(0, cut), aug);
    console.log(`${bioPath}: ${examples.length} sentences; training on ${cut} (augment K=${aug.copies}, p=${aug.replace}, external=${aug.external}, seed=${aug.seed} + bag; ${bags} bags), holding out ${held.length}; features ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // --snapshots 12,16: the model after those epochs (first bag) also written, to OUT.e12 …, so that a
  // run can be cut at the epoch that validation picks without training again.
  const snapshots = new Set(arg('snapshots', '').split(',').filter(Boolean).map(Number));
  const { tagger, seen } = trainTagger(train, {
    epochs, seed, minCount, prune, bags,
    onEpoch: (epoch, errors, model) => {
      const line = `epoch ${epoch}: ${errors} sentences wrong`;
      const m = held.length || snapshots.has(epoch) ? model() : undefined;
      if (snapshots.has(epoch)) writeFileSync(`${outPath}.e${epoch}`, m!.encode());
      const scores = heldSets.length ? heldSets.map((h) => `${h.name}: ${score(m!, h.data)}`).join('; ') : m ? `held out: ${score(m, held)}` : '';
      if (m && held.length) console.log(`${line}; ${scores} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      else console.log(line);
    },
  });
  mkdirSync(dirname(outPath), { recursive: true });
  const buf = tagger.encode();
  writeFileSync(outPath, buf);
  console.log(`${seen} features seen, ${tagger.features} kept; wrote ${outPath} (${(buf.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
