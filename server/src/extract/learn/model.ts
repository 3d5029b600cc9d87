/**
 * The learned tagger at run time: a linear-chain model over BIOES × {PER, LOC, ORG} (`tags.ts`)
 * trained with the averaged perceptron (`train.ts`), decoded with Viterbi (`viterbi.ts`). Weights
 * live in `server/models/ner.bin`: hashed feature ids → one quantized weight per tag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Span } from '../chinese/span.ts';
import type { Unit } from '../chinese/units.ts';
import { FEATURES, featurize } from './features.ts';
import { HotRows } from './hot-rows.ts';
import { NT, TYPES, spansFromTagSeq } from './tags.ts';
import { backward, viterbi } from './viterbi.ts';
import { SLOT_WORDS, WeightTable, bloomBits, bloomWord, checkOf, homeOf } from './weights.ts';

const MAGIC = 'GXNER002';

/** Feature slots (see features.ts) with few distinct values and dense rows, scored from exact rows. */
export const HOT_SLOTS = Uint8Array.from([0, 11, 13, 14, 16, 17, 18, 19, 20, 22, 23, 26, 27, 28, 30, 31, 32, 34, 35, 36, 37]);
/**
 * Hot features whose joint values are few are summed once per combination (one lookup, not one per
 * feature): the bias and the rule verdicts (~200 combinations in 170,000 characters of MSRA text); the
 * unit's tag × position × rule (~700); the four lexicon matches (~1,200); the organization heads of the
 * unit and the next (~700). The others (unit context, cue bits: thousands of combinations) one by one.
 */
const GROUPS = [Uint8Array.from([0, 17, 18, 19, 20, 30]), Uint8Array.from([11, 16, 28]), Uint8Array.from([34, 35, 36, 37]), Uint8Array.from([27, 32])];
const SINGLE_HOT = Uint8Array.from([...HOT_SLOTS].filter((f) => !GROUPS.some((g) => g.includes(f))));
const COLD = Uint8Array.from(Array.from({ length: FEATURES }, (_, i) => i).filter((i) => !HOT_SLOTS.includes(i)));

/**
 * A trained model: feature hashes → sparse rows of (tag, weight), as trained and stored, plus the
 * run-time layouts scoring reads (`WeightTable`, `HotRows`).
 */
export class Tagger {
  readonly features: number;
  readonly trans: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly table: WeightTable;
  private readonly hot: HotRows;
  private emitBuf = new Float64Array(NT * 1024);

  constructor(
    readonly keys: Int32Array,
    /** Row r's entries are rowStart[r] .. rowStart[r + 1] of entTag/entWeight. */
    readonly rowStart: Int32Array,
    readonly entTag: Uint8Array,
    readonly entWeight: Float32Array,
    trans: ArrayLike<number>,
    start: ArrayLike<number>,
    end: ArrayLike<number>,
  ) {
    this.features = keys.length;
    this.trans = Float64Array.from(trans);
    this.start = Float64Array.from(start);
    this.end = Float64Array.from(end);
    this.table = new WeightTable(keys, rowStart, entTag, entWeight);
    this.hot = new HotRows(this.table);
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

  /**
   * Emission scores (n × NT) for feature hashes (n × FEATURES): hot features from exact dense rows,
   * the others from the quantized table. With `scratch`, the result is a view of a buffer the tagger
   * reuses (valid until its next call).
   */
  emissions(feats: Int32Array, n: number, scratch = false): Float64Array {
    let emit: Float64Array;
    if (scratch) {
      if (this.emitBuf.length < n * NT) this.emitBuf = new Float64Array(Math.max(n * NT, this.emitBuf.length * 2));
      emit = this.emitBuf.subarray(0, n * NT);
    } else emit = new Float64Array(n * NT);
    const { slots, levels, shift, bloom, bloomMask } = this.table;
    const slotMask = slots.length / SLOT_WORDS - 1;
    const hot = this.hot;
    for (let i = 0; i < n; i++) {
      const fo = i * FEATURES;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0;
      for (let g = 0; g < GROUPS.length; g++) {
        const r = hot.groupRow(feats, fo, GROUPS[g]!, g);
        const w = hot.groupRows;
        a0 += w[r]!; a1 += w[r + 1]!; a2 += w[r + 2]!; a3 += w[r + 3]!; a4 += w[r + 4]!; a5 += w[r + 5]!; a6 += w[r + 6]!;
        a7 += w[r + 7]!; a8 += w[r + 8]!; a9 += w[r + 9]!; a10 += w[r + 10]!; a11 += w[r + 11]!; a12 += w[r + 12]!;
      }
      for (let j = 0; j < SINGLE_HOT.length; j++) {
        const key = feats[fo + SINGLE_HOT[j]!]!;
        const { keys, slot } = hot;
        const m = keys.length - 1;
        let h = key & m;
        let r = slot[h]!;
        while (r !== 0 && keys[h] !== key) {
          h = (h + 1) & m;
          r = slot[h]!;
        }
        r = r !== 0 ? r - 1 : hot.row(key);
        const w = hot.rows;
        a0 += w[r]!; a1 += w[r + 1]!; a2 += w[r + 2]!; a3 += w[r + 3]!; a4 += w[r + 4]!; a5 += w[r + 5]!; a6 += w[r + 6]!;
        a7 += w[r + 7]!; a8 += w[r + 8]!; a9 += w[r + 9]!; a10 += w[r + 10]!; a11 += w[r + 11]!; a12 += w[r + 12]!;
      }
      // The cold features: one 16-byte slot each, branch-free past the Bloom filter (an empty slot
      // holds code 0 = weight 0 for every tag).
      for (let j = 0; j < COLD.length; j++) {
        const key = feats[fo + COLD[j]!]!;
        const bits = bloomBits(key);
        if ((bloom[bloomWord(key, bloomMask)]! & bits) !== bits) continue;
        const check = checkOf(key);
        let s = homeOf(key, shift) * SLOT_WORDS;
        let w3 = slots[s + 3]!;
        while (w3 !== 0 && w3 >>> 8 !== check) {
          s = (s + SLOT_WORDS) & (slotMask * SLOT_WORDS);
          w3 = slots[s + 3]!;
        }
        const w0 = slots[s]!, w1 = slots[s + 1]!, w2 = slots[s + 2]!;
        a0 += levels[w0 & 255]!; a1 += levels[(w0 >>> 8) & 255]!; a2 += levels[(w0 >>> 16) & 255]!; a3 += levels[w0 >>> 24]!;
        a4 += levels[w1 & 255]!; a5 += levels[(w1 >>> 8) & 255]!; a6 += levels[(w1 >>> 16) & 255]!; a7 += levels[w1 >>> 24]!;
        a8 += levels[w2 & 255]!; a9 += levels[(w2 >>> 8) & 255]!; a10 += levels[(w2 >>> 16) & 255]!; a11 += levels[w2 >>> 24]!;
        a12 += levels[w3 & 255]!;
      }
      const o = i * NT;
      emit[o] = a0; emit[o + 1] = a1; emit[o + 2] = a2; emit[o + 3] = a3; emit[o + 4] = a4; emit[o + 5] = a5; emit[o + 6] = a6;
      emit[o + 7] = a7; emit[o + 8] = a8; emit[o + 9] = a9; emit[o + 10] = a10; emit[o + 11] = a11; emit[o + 12] = a12;
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
   * `cost` is valid until the next `decode` in this thread: it reads buffers the tagger reuses.
   */
  decode(text: string, units: Unit[], rules: Span[]): { spans: Span[]; cost: (s: Span) => number } {
    const n = text.length;
    if (n === 0) return { spans: [], cost: () => Infinity };
    const emit = this.emissions(featurize(text, units, rules, true), n, true);
    const tags = new Uint8Array(n);
    const { alpha, best } = viterbi(emit, n, this.trans, this.start, this.end, tags, true);
    const spans: Span[] = spansFromTagSeq(tags).map((s) => ({ start: s.start, end: s.end, type: TYPES[s.type]!, rule: 'model' }));
    let beta: Float64Array | undefined;
    const cost = (s: Span): number => {
      const type = TYPES.indexOf(s.type);
      if (type < 0) return Infinity;
      beta ??= backward(emit, n, this.trans, this.end, true);
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
