/**
 * The tagger's feature weights laid out for scoring text. Scoring is bound by memory, not arithmetic:
 * the rest of the pipeline (jieba's dictionary, the gazetteer) evicts the weights between articles,
 * and a read that misses the 1 MB second-level cache costs 40+ ns here. So a feature is one 16-byte
 * slot — its 13 weights as one byte each plus 24 bits of its hash — one cache line, never a second
 * read for a long row, and the table for ~45,000 features is 1 MB.
 *
 * A byte is an index into 256 weight levels fitted to the model's own weights (`fitLevels`; code 0 =
 * exactly 0). `Tagger` scores the few hundred frequent "hot" features from exact rows (`exactRow`), so
 * quantization touches only the long tail.
 */
import { NT } from './tags.ts';

/** Slot layout (int32 words): w0 = codes of tags 0–3 (one byte each, tag 0 lowest), w1 = tags 4–7,
 * w2 = tags 8–11, w3 = tag 12 | check << 8. check = 24 bits of the hash, never 0 (0 = empty slot). */
export const SLOT_WORDS = 4;

export const checkOf = (key: number) => (key & 0xffffff) || 1;
/** The home slot: the hash's bits remixed, so the slot and the check are independent. */
export const homeOf = (key: number, shift: number) => Math.imul(key, 0x9e3779b1) >>> shift;
/** The Bloom filter bits of a feature hash (bits independent of the word index). */
export const bloomBits = (k: number) => (1 << (k & 31)) | (1 << ((k >>> 5) & 31)) | (1 << ((k >>> 10) & 31));
export const bloomWord = (k: number, mask: number) => (k >>> 15) & mask;

export class WeightTable {
  readonly slots: Int32Array;
  /** 32 − log2(slot count). */
  readonly shift: number;
  /** The weight of each byte code. */
  readonly levels: Float64Array;
  /** Most features a text produces are not in the model: a Bloom filter (~25 bits a key, 3 set) answers for them from L2. */
  readonly bloom: Int32Array;
  readonly bloomMask: number;
  private readonly byKey: Int32Array;
  private readonly rowOfSorted: Int32Array;

  constructor(
    keys: Int32Array,
    private readonly rowStart: Int32Array,
    private readonly entTag: Uint8Array,
    private readonly entWeight: Float32Array,
  ) {
    let cap = 1 << 4;
    while (cap < keys.length * 1.5) cap <<= 1;
    this.shift = 32 - Math.log2(cap);
    this.slots = new Int32Array(cap * SLOT_WORDS);
    this.levels = fitLevels(entWeight);
    let words = 1;
    while (words * 2 < keys.length) words <<= 1;
    this.bloom = new Int32Array(words);
    this.bloomMask = words - 1;
    const code = codeOf(this.levels);
    for (let r = 0; r < keys.length; r++) {
      if (rowStart[r + 1] === rowStart[r]) continue;
      const k = keys[r]!;
      const b = bloomWord(k, this.bloomMask);
      this.bloom[b] = this.bloom[b]! | bloomBits(k);
      let h = homeOf(k, this.shift);
      while (this.slots[h * SLOT_WORDS + 3] !== 0) h = (h + 1) & (cap - 1);
      const o = h * SLOT_WORDS;
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
        const t = entTag[e]!;
        this.slots[o + (t >> 2)] = this.slots[o + (t >> 2)]! | (code(entWeight[e]!) << (8 * (t & 3)));
      }
      this.slots[o + 3] = this.slots[o + 3]! | (checkOf(k) << 8);
    }
    // Exact rows by hash, for the hot features' dense rows (read once per distinct feature).
    const order = Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
    this.byKey = Int32Array.from(order, (r) => keys[r]!);
    this.rowOfSorted = Int32Array.from(order);
  }

  /** Adds feature `key`'s exact weights into out[o..o+NT); false if the model does not have it. */
  exactRow(key: number, out: Float32Array | Float64Array, o: number): boolean {
    let lo = 0;
    let hi = this.byKey.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.byKey[mid]!;
      if (k === key) {
        const r = this.rowOfSorted[mid]!;
        for (let e = this.rowStart[r]!; e < this.rowStart[r + 1]!; e++) out[o + this.entTag[e]!] = out[o + this.entTag[e]!]! + this.entWeight[e]!;
        return this.rowStart[r + 1]! > this.rowStart[r]!;
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** The quantized row of `key` (NT weights; zeros if absent): what scoring adds for it. */
  quantizedRow(key: number): Float64Array {
    const row = new Float64Array(NT);
    const mask = this.slots.length / SLOT_WORDS - 1;
    const check = checkOf(key);
    for (let h = homeOf(key, this.shift); this.slots[h * SLOT_WORDS + 3] !== 0; h = (h + 1) & mask) {
      if (this.slots[h * SLOT_WORDS + 3]! >>> 8 !== check) continue;
      for (let t = 0; t < NT; t++) row[t] = this.levels[(this.slots[h * SLOT_WORDS + (t >> 2)]! >>> (8 * (t & 3))) & 255]!;
      break;
    }
    return row;
  }
}

/**
 * 255 levels for the nonzero weights (plus 0), evenly spaced in sign · log(1 + |w|) between the
 * smallest and the largest weight: any weight is within 1.7 % of 1 + |w| — a few hundredths near ±1,
 * where most weights are, and a small share of the large weights of strong cues (rare, but decisive). Fitting the levels
 * to the weights' density instead (k-means) left the largest weights a third too small.
 */
function fitLevels(weights: Float32Array): Float64Array {
  const squash = (w: number) => Math.sign(w) * Math.log1p(Math.abs(w));
  let lo = 0;
  let hi = 0;
  for (const w of weights) (lo = Math.min(lo, squash(w))), (hi = Math.max(hi, squash(w)));
  const levels = new Float64Array(256);
  for (let c = 1; c < 256; c++) {
    const g = lo + ((hi - lo) * (c - 1)) / 254;
    levels[c] = Math.sign(g) * Math.expm1(Math.abs(g));
  }
  return levels;
}

/** Weight → the code of its nearest level (never 0 for a nonzero weight); levels[1..255] ascend. */
function codeOf(levels: Float64Array): (w: number) => number {
  return (w) => {
    let lo = 1;
    let hi = 255;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (levels[mid]! <= w) lo = mid;
      else hi = mid;
    }
    return Math.abs(levels[hi]! - w) < Math.abs(levels[lo]! - w) ? hi : lo;
  };
}
