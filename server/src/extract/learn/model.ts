/**
 * The learned tagger at run time: a linear-chain model over BIOES × {PER, LOC, ORG} trained with the
 * averaged perceptron (`train.ts`), decoded with Viterbi under BIOES constraints. Weights live in
 * `server/models/ner.bin`: hashed feature ids → one quantized weight per tag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '@guanxi/shared';
import type { Span } from '../chinese/span.ts';
import type { Unit } from '../chinese/units.ts';
import { FEATURES, featurize } from './features.ts';

/** Tags: 0 = O; for type t (0 PER, 1 LOC, 2 ORG): B = 1 + 4t, I = 2 + 4t, E = 3 + 4t, S = 4 + 4t. */
export const NT = 13;
export const TYPES: EntityType[] = ['Person', 'Place', 'Organization'];
const MAGIC = 'GXNER002';

/** Whether tag b may follow tag a (BIOES). */
export function allowed(a: number, b: number): boolean {
  const aOpen = a !== 0 && ((a - 1) % 4 === 0 || (a - 1) % 4 === 1); // B or I: an entity continues
  if (aOpen) {
    if (b === 0) return false;
    const sameType = ((a - 1) >> 2) === ((b - 1) >> 2);
    const bPos = (b - 1) % 4;
    return sameType && (bPos === 1 || bPos === 2);
  }
  if (b === 0) return true;
  const bPos = (b - 1) % 4;
  return bPos === 0 || bPos === 3;
}
export const canStart = (b: number) => b === 0 || (b - 1) % 4 === 0 || (b - 1) % 4 === 3;
export const canEnd = (a: number) => a === 0 || (a - 1) % 4 === 2 || (a - 1) % 4 === 3;

/** Gold tags for a text of length n from typed spans (types 0..2). */
export function tagsFromSpans(n: number, spans: Array<{ type: number; start: number; end: number }>): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    const base = 1 + 4 * s.type;
    if (s.end - s.start === 1) tags[s.start] = base + 3;
    else {
      tags[s.start] = base;
      for (let k = s.start + 1; k < s.end - 1; k++) tags[k] = base + 1;
      tags[s.end - 1] = base + 2;
    }
  }
  return tags;
}

/** Spans from a tag sequence (valid BIOES assumed, as Viterbi produces). */
export function spansFromTagSeq(tags: ArrayLike<number>): Array<{ type: number; start: number; end: number }> {
  const out: Array<{ type: number; start: number; end: number }> = [];
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) {
      start = -1;
      continue;
    }
    const pos = (t - 1) % 4;
    const type = (t - 1) >> 2;
    if (pos === 3) out.push({ type, start: i, end: i + 1 });
    else if (pos === 0) start = i;
    else if (pos === 2 && start >= 0) {
      out.push({ type, start, end: i + 1 });
      start = -1;
    }
  }
  return out;
}

/**
 * Viterbi over emission scores (n × NT) and transition scores (NT × NT, plus start and end), with
 * the BIOES constraints. Writes the best tag sequence into `out`; returns the forward scores (the
 * best prefix score ending in each tag at each position) and the best total.
 */
export function viterbi(emit: Float32Array, n: number, trans: Float64Array, start: Float64Array, end: Float64Array, out: Uint8Array): { alpha: Float64Array; best: number } {
  const score = new Float64Array(n * NT);
  if (n === 0) return { alpha: score, best: 0 };
  const back = new Uint8Array(n * NT);
  for (let b = 0; b < NT; b++) score[b] = canStart(b) ? start[b]! + emit[b]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * NT;
    const p = o - NT;
    for (let b = 0; b < NT; b++) {
      let best = -Infinity;
      let arg = 0;
      const pred = PRED[b]!;
      for (let j = 0; j < pred.length; j++) {
        const a = pred[j]!;
        const t = score[p + a]! + trans[a * NT + b]!;
        if (t > best) {
          best = t;
          arg = a;
        }
      }
      score[o + b] = best + emit[o + b]!;
      back[o + b] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * NT;
  for (let a = 0; a < NT; a++) {
    const t = canEnd(a) ? score[last + a]! + end[a]! : -Infinity;
    if (t > best) {
      best = t;
      arg = a;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * NT + arg]!;
  }
  return { alpha: score, best };
}

/** Backward Viterbi scores: the best score of everything after position i given tag t at i. */
export function backward(emit: Float32Array, n: number, trans: Float64Array, end: Float64Array): Float64Array {
  const beta = new Float64Array(n * NT);
  if (n === 0) return beta;
  const last = (n - 1) * NT;
  for (let a = 0; a < NT; a++) beta[last + a] = canEnd(a) ? end[a]! : -Infinity;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * NT;
    const q = o + NT;
    for (let a = 0; a < NT; a++) {
      let best = -Infinity;
      const succ = SUCC[a]!;
      for (let j = 0; j < succ.length; j++) {
        const b = succ[j]!;
        const t = trans[a * NT + b]! + emit[q + b]! + beta[q + b]!;
        if (t > best) best = t;
      }
      beta[o + a] = best;
    }
  }
  return beta;
}

const CACHE_SIZE = 1 << 15;
/** Feature slots (see features.ts) with few distinct values and dense rows: summed once per combination. */
const HOT = Uint8Array.from([0, 11, 16, 17, 18, 19, 20, 22, 23, 26, 27, 28, 30, 31, 32]);
const COLD = Uint8Array.from(Array.from({ length: FEATURES }, (_, i) => i).filter((i) => !HOT.includes(i)));
/** For each tag, the tags allowed before it (PRED) and after it (SUCC). */
const PRED: Uint8Array[] = [];
const SUCC: Uint8Array[] = [];
for (let b = 0; b < NT; b++) PRED.push(Uint8Array.from(Array.from({ length: NT }, (_, a) => a).filter((a) => allowed(a, b))));
for (let a = 0; a < NT; a++) SUCC.push(Uint8Array.from(Array.from({ length: NT }, (_, b) => b).filter((b) => allowed(a, b))));

/**
 * A trained model: an open-addressing table of feature hashes → sparse rows of (tag, weight). Most
 * features carry weight for two or three tags only, so rows hold just those.
 */
export class Tagger {
  readonly features: number;
  readonly keys: Int32Array;
  /** Row r's entries are rowStart[r] .. rowStart[r + 1] of entTag/entWeight. */
  readonly rowStart: Int32Array;
  readonly entTag: Uint8Array;
  readonly entWeight: Float32Array;
  /** Open addressing, two ints per slot: feature hash, then (first entry << 4 | entry count) + 1. */
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly trans: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;

  constructor(keys: Int32Array, rowStart: Int32Array, entTag: Uint8Array, entWeight: Float32Array, trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>) {
    this.features = keys.length;
    this.keys = keys;
    this.rowStart = rowStart;
    this.entTag = entTag;
    this.entWeight = entWeight;
    this.trans = Float64Array.from(trans);
    this.start = Float64Array.from(start);
    this.end = Float64Array.from(end);
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 2);
    for (let r = 0; r < keys.length; r++) {
      let h = keys[r]! & this.mask;
      while (this.table[2 * h + 1] !== 0) h = (h + 1) & this.mask;
      this.table[2 * h] = keys[r]!;
      this.table[2 * h + 1] = ((rowStart[r]! << 4) | (rowStart[r + 1]! - rowStart[r]!)) + 1;
    }
  }

  /** From dense rows (features × NT), dropping entries smaller than `minWeight`. */
  static fromDense(keys: Int32Array, weights: Float32Array, trans: ArrayLike<number>, start: ArrayLike<number>, end: ArrayLike<number>, minWeight = 0): Tagger {
    const rowStart = new Int32Array(keys.length + 1);
    const tags: number[] = [];
    const ws: number[] = [];
    for (let r = 0; r < keys.length; r++) {
      for (let t = 0; t < NT; t++) {
        const w = weights[r * NT + t]!;
        if (w !== 0 && Math.abs(w) >= minWeight) {
          tags.push(t);
          ws.push(w);
        }
      }
      rowStart[r + 1] = tags.length;
    }
    return new Tagger(keys, rowStart, Uint8Array.from(tags), Float32Array.from(ws), trans, start, end);
  }

  /** Adds feature `key`'s row into emit[o..o+NT). */
  private addRow(key: number, emit: Float32Array, o: number): void {
    const { table, mask, entTag, entWeight } = this;
    let h = key & mask;
    let v = table[2 * h + 1]!;
    while (v !== 0 && table[2 * h] !== key) {
      h = (h + 1) & mask;
      v = table[2 * h + 1]!;
    }
    if (v === 0) return;
    v -= 1;
    const first = v >>> 4;
    const end = first + (v & 15);
    for (let e = first; e < end; e++) {
      const at = o + entTag[e]!;
      emit[at] = emit[at]! + entWeight[e]!;
    }
  }

  // A direct-mapped cache of the summed rows of the low-cardinality features (tags, positions, rule
  // verdicts, cues): the same combination recurs all the time and costs ~150 additions to sum.
  private readonly cacheKeys = new Int32Array(CACHE_SIZE * 2);
  private readonly cacheRows = new Float32Array(CACHE_SIZE * NT);
  private readonly cacheFull = new Uint8Array(CACHE_SIZE);

  /** Emission scores (n × NT) for feature hashes (n × FEATURES). */
  emissions(feats: Int32Array, n: number): Float32Array {
    const emit = new Float32Array(n * NT);
    const { cacheKeys, cacheRows, cacheFull } = this;
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      const fo = i * FEATURES;
      let h1 = 0x2545f491;
      let h2 = 0x68e31da4;
      for (let j = 0; j < HOT.length; j++) {
        const v = feats[fo + HOT[j]!]!;
        h1 = Math.imul(h1 ^ v, 0x9e3779b1);
        h1 ^= h1 >>> 15;
        h2 = Math.imul(h2 + v, 0x85ebca77);
        h2 ^= h2 >>> 13;
      }
      const slot = h1 & (CACHE_SIZE - 1);
      const co = slot * NT;
      if (!cacheFull[slot] || cacheKeys[2 * slot] !== h1 || cacheKeys[2 * slot + 1] !== h2) {
        cacheRows.fill(0, co, co + NT);
        for (let j = 0; j < HOT.length; j++) this.addRow(feats[fo + HOT[j]!]!, cacheRows, co);
        cacheKeys[2 * slot] = h1;
        cacheKeys[2 * slot + 1] = h2;
        cacheFull[slot] = 1;
      }
      for (let t = 0; t < NT; t++) emit[o + t] = cacheRows[co + t]!;
      for (let j = 0; j < COLD.length; j++) this.addRow(feats[fo + COLD[j]!]!, emit, o);
    }
    return emit;
  }

  /** PER/LOC/ORG spans for a folded text, given its units and the rule extractor's spans. */
  tag(text: string, units: Unit[], rules: Span[]): Span[] {
    return this.decode(text, units, rules).spans;
  }

  /**
   * The best spans, and a way to ask how far a different span is from the best reading: `cost(span)`
   * is the score lost by the best path that has exactly that span (0 for a span on the best path).
   */
  decode(text: string, units: Unit[], rules: Span[]): { spans: Span[]; cost: (s: Span) => number } {
    const n = text.length;
    if (n === 0) return { spans: [], cost: () => Infinity };
    const emit = this.emissions(featurize(text, units, rules), n);
    const tags = new Uint8Array(n);
    const { alpha, best } = viterbi(emit, n, this.trans, this.start, this.end, tags);
    const spans: Span[] = spansFromTagSeq(tags).map((s) => ({ start: s.start, end: s.end, type: TYPES[s.type]!, rule: 'model' }));
    let beta: Float64Array | undefined;
    const cost = (s: Span): number => {
      const type = TYPES.indexOf(s.type);
      if (type < 0) return Infinity;
      beta ??= backward(emit, n, this.trans, this.end);
      const base = 1 + 4 * type;
      if (s.end - s.start === 1) return best - (alpha[s.start * NT + base + 3]! + beta[s.start * NT + base + 3]!);
      let total = alpha[s.start * NT + base]!;
      let prev = base;
      for (let k = s.start + 1; k < s.end; k++) {
        const t = k === s.end - 1 ? base + 2 : base + 1;
        total += this.trans[prev * NT + t]! + emit[k * NT + t]!;
        prev = t;
      }
      return best - (total + beta[(s.end - 1) * NT + prev]!);
    };
    return { spans, cost };
  }

  /**
   * The binary format (little endian): magic, feature count, entry count, weight scale; transition,
   * start and end scores (float32); feature hashes (int32); entries per feature (uint8); then each
   * entry's tag (uint8) and weight (int16 × scale).
   */
  encode(): Buffer {
    const n = this.keys.length;
    const m = this.entTag.length;
    let max = 0;
    for (const x of this.entWeight) max = Math.max(max, Math.abs(x));
    const scale = max / 32767 || 1;
    const head = 8 + 12 + 4 * (NT * NT + 2 * NT);
    const buf = Buffer.alloc(head + 5 * n + 3 * m);
    buf.write(MAGIC, 0, 'latin1');
    buf.writeUInt32LE(n, 8);
    buf.writeUInt32LE(m, 12);
    buf.writeFloatLE(scale, 16);
    let o = 20;
    for (const arr of [this.trans, this.start, this.end]) for (const x of arr) (buf.writeFloatLE(x, o), (o += 4));
    for (let i = 0; i < n; i++) (buf.writeInt32LE(this.keys[i]!, o), (o += 4));
    for (let i = 0; i < n; i++) buf[o++] = this.rowStart[i + 1]! - this.rowStart[i]!;
    for (let i = 0; i < m; i++) buf[o++] = this.entTag[i]!;
    for (let i = 0; i < m; i++) (buf.writeInt16LE(Math.round(this.entWeight[i]! / scale), o), (o += 2));
    return buf;
  }

  static decode(buf: Buffer): Tagger {
    if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a guanxi NER model (or an older format)');
    const n = buf.readUInt32LE(8);
    const m = buf.readUInt32LE(12);
    const scale = buf.readFloatLE(16);
    let o = 20;
    const floats = (k: number) => {
      const a = new Float32Array(k);
      for (let i = 0; i < k; i++) (a[i] = buf.readFloatLE(o), (o += 4));
      return a;
    };
    const trans = floats(NT * NT);
    const start = floats(NT);
    const end = floats(NT);
    const keys = new Int32Array(n);
    for (let i = 0; i < n; i++) keys[i] = buf.readInt32LE(o + 4 * i);
    o += 4 * n;
    const rowStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i]! + buf[o + i]!;
    o += n;
    const entTag = Uint8Array.from(buf.subarray(o, o + m));
    o += m;
    const entWeight = new Float32Array(m);
    for (let i = 0; i < m; i++) entWeight[i] = buf.readInt16LE(o + 2 * i) * scale;
    return new Tagger(keys, rowStart, entTag, entWeight, trans, start, end);
  }
}

export const MODEL_PATH = fileURLToPath(new URL('../../../models/ner.bin', import.meta.url));

let cached: Tagger | null | undefined;

/**
 * The shipped model, loaded once per thread; null when the file is absent (rules only then).
 * `GUANXI_NER_MODEL=FILE` loads another model; `GUANXI_NER_RULES_ONLY=1` turns the model off.
 */
export function defaultTagger(): Tagger | null {
  if (cached !== undefined) return cached;
  const path = process.env.GUANXI_NER_MODEL || MODEL_PATH;
  cached = existsSync(path) && !process.env.GUANXI_NER_RULES_ONLY ? Tagger.decode(readFileSync(path)) : null;
  return cached;
}
