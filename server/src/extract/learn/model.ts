/**
 * The learned tagger at run time: a linear-chain model over BIOES × {PER, LOC, ORG} (`tags.ts`)
 * trained with the averaged perceptron (`train.ts`), decoded with Viterbi (`viterbi.ts`). Weights
 * live in `server/models/ner.bin`: hashed feature ids → one int16 weight per tag; scoring and Viterbi
 * run in WebAssembly (`kernel.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { endianness } from 'node:os';
import type { Span } from '../chinese/span.ts';
import type { Unit } from '../chinese/units.ts';
import { FEATURES, featurize, scanTexts } from './features.ts';
import { EmissionKernel, type Plan } from './kernel.ts';
import { NT, TYPES, spansFromTagSeq } from './tags.ts';
import { bestThrough } from './viterbi.ts';

const MAGIC = 'GXNER002';
const LE = endianness() === 'LE';

/**
 * Feature slots (see features.ts) whose joint values are few, summed once per combination (one cached
 * lookup, not one per feature): the bias and the rule verdicts (~200 combinations in 170,000
 * characters of MSRA text); the unit's tag × position × rule (~700); the four lexicon matches
 * (~1,200); the organization heads of the unit and the next (~700); the sports-topic pair, constant
 * outside sports reports (~92 % of sentences: one cache hit there). The other slots one by one.
 */
const GROUPS = [[0, 17, 18, 19, 20, 30], [11, 16, 28], [34, 35, 36, 37], [27, 32], [38, 39], [41, 42]];
/**
 * Slots whose features the model has for at least 95 % of characters (on PD-dev: the characters,
 * the neighbouring units' tags, cue and lexicon bits): looked up without the Bloom filter's test.
 */
const DIRECT = [1, 2, 3, 4, 5, 13, 14, 21, 22, 23, 26, 31, 40];
export const PLAN: Plan = {
  groups: GROUPS,
  singles: Array.from({ length: FEATURES }, (_, i) => i).filter((i) => !GROUPS.some((g) => g.includes(i)) && !DIRECT.includes(i)),
  direct: DIRECT,
};

/** A text's best spans, and `cost(span)`: the score lost by the best path that has exactly that span. */
export interface Decoded {
  spans: Span[];
  cost: (s: Span) => number;
}

/**
 * A trained model: feature hashes → sparse rows of (tag, weight), as trained and stored, plus the
 * kernel that scores text with them.
 */
export class Tagger {
  readonly features: number;
  readonly trans: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly kernel: EmissionKernel;

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
    this.kernel = new EmissionKernel(keys, rowStart, entTag, entWeight, PLAN);
    this.kernel.useTransitions(this.trans, this.start, this.end);
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
   * Emission scores (n × NT) for feature hashes (n × FEATURES). With `scratch`, the result is a view
   * of the kernel's memory (valid until its next call).
   */
  emissions(feats: Int32Array, n: number, scratch = false): Float64Array {
    const emit = this.kernel.emissions(feats, n, FEATURES);
    return scratch ? emit : emit.slice();
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
  decode(text: string, units: Unit[], rules: Span[]): Decoded {
    return this.decodeMany([{ text, units, rules }])[0]!;
  }

  /**
   * `decode` for several texts, stage by stage: all featurized, then all scored, so that the
   * features' tables and the weights do not evict each other text by text (measured: ~20 % less time
   * for the two stages). Every text's `cost` is valid until the next `decode` or `decodeMany`.
   */
  decodeMany(texts: Array<{ text: string; units: Unit[]; rules: Span[] }>): Decoded[] {
    let total = 0;
    for (const t of texts) total += t.text.length;
    this.kernel.batch(total, FEATURES);
    const scans = scanTexts(texts.map((t) => t.text));
    let at = 0;
    texts.forEach((t, k) => {
      if (t.text.length) featurize(t.text, t.units, t.rules, this.kernel.rows(at, t.text.length, FEATURES), scans[k]);
      at += t.text.length;
    });
    at = 0;
    return texts.map(({ text }) => {
      const n = text.length;
      const from = at;
      at += n;
      if (n === 0) return { spans: [], cost: () => Infinity };
      const emit = this.kernel.score(n, FEATURES, from);
      const { tags, alpha, best } = this.kernel.viterbi(n, FEATURES, from);
      const spans: Span[] = spansFromTagSeq(tags).map((s) => ({ start: s.start, end: s.end, type: TYPES[s.type]!, rule: 'model' }));
      return { spans, cost: this.spanCost(emit, alpha, n, best) };
    });
  }

  /** `decode`'s `cost` (made here, unnamed: tsx's keepNames would give a named closure a defineProperty a call). */
  private spanCost(emit: Float64Array, alpha: Float64Array, n: number, best: number): (s: Span) => number {
    const { trans, end } = this;
    return (s) => {
      const type = TYPES.indexOf(s.type);
      if (type < 0) return Infinity;
      const base = 1 + 4 * type;
      if (s.end - s.start === 1) return best - bestThrough(emit, alpha, n, trans, end, best, s.start, base + 3, alpha[s.start * NT + base + 3]!);
      let total = alpha[s.start * NT + base]!;
      let prev = base;
      for (let k = s.start + 1; k < s.end; k++) {
        const t = k === s.end - 1 ? base + 2 : base + 1;
        total += trans[prev * NT + t]! + emit[k * NT + t]!;
        prev = t;
      }
      return best - bestThrough(emit, alpha, n, trans, end, best, s.end - 1, prev, total);
    };
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
    // Whole arrays copied out of the buffer (typed arrays are little endian here, as the file is), not
    // read number by number: 0.2 s less a load for the 220,000-feature model.
    const keys = LE ? new Int32Array(buf.buffer.slice(buf.byteOffset + o, buf.byteOffset + o + 4 * n)) : Int32Array.from({ length: n }, (_, i) => buf.readInt32LE(o + 4 * i));
    o += 4 * n;
    const rowStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i]! + buf[o + i]!;
    o += n;
    const entTag = Uint8Array.from(buf.subarray(o, o + m));
    o += m;
    const ints = LE ? new Int16Array(buf.buffer.slice(buf.byteOffset + o, buf.byteOffset + o + 2 * m)) : Int16Array.from({ length: m }, (_, i) => buf.readInt16LE(o + 2 * i));
    const entWeight = new Float32Array(m);
    for (let i = 0; i < m; i++) entWeight[i] = ints[i]! * scale;
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
