/**
 * The averaged structured perceptron (Collins 2002) over BIOES × {PER, LOC, ORG}: Viterbi-decode each
 * training sentence with the current weights, add the gold path's features, subtract the predicted
 * path's; the averaged weights are the model. Deterministic for a given seed (the seed shuffles the
 * sentence order each epoch).
 *
 * Sized for millions of characters: feature hashes are counted and given rows in open-addressing
 * tables of typed arrays (a JavaScript Map of tens of millions of numbers is slow and large), each
 * sentence's hashes are turned into rows once per visit, and the weights are dense rows of NT.
 */
import cliProgress from 'cli-progress';
import { mulberry32 } from './augment.ts';
import { FEATURES } from './features.ts';
import { NT } from './tags.ts';
import { viterbi } from './viterbi.ts';

export interface Example {
  n: number;
  feats: Int32Array;
  gold: Uint8Array;
}

/** A trained model before pruning: `weights` holds NT entries per key. */
export interface DenseModel {
  keys: number[];
  weights: Float32Array;
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

/**
 * int32 key → int32 value, open addressing with linear probing. Keys are feature hashes (already
 * mixed), so their low bits pick the slot.
 */
export class KeyTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(log2 = 16) {
    this.keys = new Int32Array(1 << log2);
    this.vals = new Int32Array(1 << log2);
    this.used = new Uint8Array(1 << log2);
    this.mask = (1 << log2) - 1;
  }

  private slot(key: number): number {
    let s = key & this.mask;
    while (this.used[s] && this.keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  get(key: number): number {
    const s = this.slot(key);
    return this.used[s] ? this.vals[s]! : -1;
  }

  /** Adds `by` to the key's value (a new key starts at 0); returns the new value. */
  add(key: number, by: number): number {
    let s = this.slot(key);
    if (!this.used[s]) {
      if (2 * (this.size + 1) > this.keys.length) {
        this.grow();
        s = this.slot(key);
      }
      this.used[s] = 1;
      this.keys[s] = key;
      this.vals[s] = 0;
      this.size++;
    }
    return (this.vals[s] = this.vals[s]! + by);
  }

  private grow(): void {
    const { keys, vals, used } = this;
    const cap = keys.length * 2;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < keys.length; i++) {
      if (!used[i]) continue;
      const s = this.slot(keys[i]!);
      this.used[s] = 1;
      this.keys[s] = keys[i]!;
      this.vals[s] = vals[i]!;
    }
  }
}

/**
 * Rows for the features seen at least `minCount` times in `train`, in order of first occurrence (so the
 * same data gives the same rows): the table maps hash → row, `keys` row → hash.
 */
export function indexFeatures(train: Example[], minCount: number): { rows: KeyTable; keys: number[] } {
  const counts = new KeyTable(20);
  for (const ex of train) for (let i = 0; i < ex.n * FEATURES; i++) counts.add(ex.feats[i]!, 1);
  const rows = new KeyTable(20);
  const keys: number[] = [];
  for (const ex of train) {
    for (let i = 0; i < ex.n * FEATURES; i++) {
      const key = ex.feats[i]!;
      // 0 is "no feature" (features.ts: the topic templates outside sports reports).
      if (key === 0 || counts.get(key) < minCount || rows.get(key) >= 0) continue;
      rows.add(key, keys.length);
      keys.push(key);
    }
  }
  return { rows, keys };
}

/** Weights while training, with the sums needed for averaging (w − acc / c). */
class Weights {
  readonly w: Float64Array;
  readonly acc: Float64Array;
  readonly trans = new Float64Array(NT * NT);
  readonly transAcc = new Float64Array(NT * NT);
  readonly start = new Float64Array(NT);
  readonly startAcc = new Float64Array(NT);
  readonly end = new Float64Array(NT);
  readonly endAcc = new Float64Array(NT);

  constructor(readonly keys: number[]) {
    this.w = new Float64Array(keys.length * NT);
    this.acc = new Float64Array(keys.length * NT);
  }

  emissions(rows: Int32Array, n: number, emit: Float64Array): void {
    emit.fill(0, 0, n * NT);
    const w = this.w;
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      for (let f = i * FEATURES, fe = f + FEATURES; f < fe; f++) {
        const r = rows[f]!;
        if (r < 0) continue;
        const b = r * NT;
        for (let t = 0; t < NT; t++) emit[o + t] = emit[o + t]! + w[b + t]!;
      }
    }
  }

  update(rows: Int32Array, n: number, tags: Uint8Array, delta: number, c: number): void {
    const cd = c * delta;
    for (let i = 0; i < n; i++) {
      const t = tags[i]!;
      for (let f = i * FEATURES, fe = f + FEATURES; f < fe; f++) {
        const r = rows[f]!;
        if (r < 0) continue;
        this.w[r * NT + t]! += delta;
        this.acc[r * NT + t]! += cd;
      }
      if (i > 0) {
        const k = tags[i - 1]! * NT + t;
        this.trans[k]! += delta;
        this.transAcc[k]! += cd;
      }
    }
    this.start[tags[0]!]! += delta;
    this.startAcc[tags[0]!]! += cd;
    this.end[tags[n - 1]!]! += delta;
    this.endAcc[tags[n - 1]!]! += cd;
  }

  averaged(c: number): DenseModel {
    const avg = (w: Float64Array, acc: Float64Array) => {
      const out = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i]! - acc[i]! / c;
      return out;
    };
    return { keys: this.keys.slice(), weights: avg(this.w, this.acc), trans: avg(this.trans, this.transAcc), start: avg(this.start, this.startAcc), end: avg(this.end, this.endAcc) };
  }
}

export interface EpochReport {
  epoch: number;
  errors: number;
  /** The averaged model so far. */
  model: () => DenseModel;
}

/** Trains one model; a progress bar on a terminal (sentences, rate, ETA over all epochs). */
export function trainOne(train: Example[], epochs: number, seed: number, minCount: number, onEpoch?: (r: EpochReport) => void): DenseModel {
  const { rows: index, keys } = indexFeatures(train, minCount);
  const weights = new Weights(keys);
  const random = mulberry32(seed);
  const order = train.map((_, i) => i);
  let c = 1;
  const maxN = train.reduce((m, ex) => Math.max(m, ex.n), 1);
  const rows = new Int32Array(maxN * FEATURES);
  const emit = new Float64Array(maxN * NT);
  const pred = new Uint8Array(maxN);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: ' training {bar} {percentage}% | epoch {epoch} | {value}/{total} sentences | ETA {eta_formatted}', etaBuffer: 2000 }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(epochs * train.length, 0, { epoch: 1 });
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (let k = 0; k < order.length; k++) {
      const ex = train[order[k]!]!;
      if (k % 2000 === 0) bar?.update((epoch - 1) * train.length + k, { epoch });
      if (ex.n === 0) continue;
      const n = ex.n;
      for (let f = 0; f < n * FEATURES; f++) rows[f] = index.get(ex.feats[f]!);
      weights.emissions(rows, n, emit);
      const out = pred.subarray(0, n);
      viterbi(emit.subarray(0, n * NT), n, weights.trans, weights.start, weights.end, out, true);
      let same = true;
      for (let i = 0; i < n; i++) if (out[i] !== ex.gold[i]) same = false;
      if (!same) {
        errors++;
        weights.update(rows, n, ex.gold, 1, c);
        weights.update(rows, n, out, -1, c);
      }
      c++;
    }
    onEpoch?.({ epoch, errors, model: () => weights.averaged(c) });
  }
  bar?.update(epochs * train.length);
  bar?.stop();
  return weights.averaged(c);
}

/** The mean of several models (a feature absent from one counts as zeros there). */
export function meanOf(models: DenseModel[]): DenseModel {
  const rowOf = new Map<number, number>();
  for (const m of models) for (const k of m.keys) if (!rowOf.has(k)) rowOf.set(k, rowOf.size);
  const weights = new Float32Array(rowOf.size * NT);
  const mean = (pick: (m: DenseModel) => Float32Array, len: number) => {
    const out = new Float32Array(len);
    for (const m of models) pick(m).forEach((w, i) => (out[i] = out[i]! + w / models.length));
    return out;
  };
  for (const m of models) {
    m.keys.forEach((k, r) => {
      const o = rowOf.get(k)! * NT;
      for (let t = 0; t < NT; t++) weights[o + t] = weights[o + t]! + m.weights[r * NT + t]! / models.length;
    });
  }
  return { keys: [...rowOf.keys()], weights, trans: mean((m) => m.trans, NT * NT), start: mean((m) => m.start, NT), end: mean((m) => m.end, NT) };
}
