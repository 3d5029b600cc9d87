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
export function viterbi(emit: Float32Array | Float64Array, n: number, trans: Float64Array, start: Float64Array, end: Float64Array, out: Uint8Array, scratch = false): { alpha: Float64Array; best: number } {
  const score = scratch ? scratchF64(0, n * NT) : new Float64Array(n * NT);
  if (n === 0) return { alpha: score, best: 0 };
  const back = scratch ? scratchBack(n * NT) : new Uint8Array(n * NT);
  for (let b = 0; b < NT; b++) score[b] = canStart(b) ? start[b]! + emit[b]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * NT;
    const p = o - NT;
    // O, B-x and S-x follow O, E-y or S-y; I-x and E-x follow B-x or I-x. Candidates in ascending
    // order, strict >: the same ties as a loop over all allowed predecessors.
    for (let k = 0; k < 7; k++) {
      const b = OPENERS[k]!;
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < 7; j++) {
        const a = CLOSED[j]!;
        const t = score[p + a]! + trans[a * NT + b]!;
        if (t > best) {
          best = t;
          arg = a;
        }
      }
      score[o + b] = best + emit[o + b]!;
      back[o + b] = arg;
    }
    for (let x = 1; x < NT; x += 4) {
      // x = B-type; x + 1 = I, x + 2 = E.
      for (let b = x + 1; b <= x + 2; b++) {
        const tb = score[p + x]! + trans[x * NT + b]!;
        const ti = score[p + x + 1]! + trans[(x + 1) * NT + b]!;
        const bi = ti > tb;
        score[o + b] = (bi ? ti : tb) + emit[o + b]!;
        back[o + b] = bi ? x + 1 : x;
      }
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

/** Tags after which any entity may start (O, E-x, S-x), and the tags that may follow them (O, B-x, S-x). */
const CLOSED = Uint8Array.from([0, 3, 4, 7, 8, 11, 12]);
const OPENERS = Uint8Array.from([0, 1, 4, 5, 8, 9, 12]);

// Buffers reused by the tagger's own decoding (valid until its next decode).
const f64Bufs = [new Float64Array(0), new Float64Array(0)];
let backBuf = new Uint8Array(0);
function scratchF64(which: number, len: number): Float64Array {
  if (f64Bufs[which]!.length < len) f64Bufs[which] = new Float64Array(Math.max(len, 2 * f64Bufs[which]!.length));
  return f64Bufs[which]!.subarray(0, len);
}
function scratchBack(len: number): Uint8Array {
  if (backBuf.length < len) backBuf = new Uint8Array(Math.max(len, 2 * backBuf.length));
  return backBuf.subarray(0, len);
}

/** Backward Viterbi scores: the best score of everything after position i given tag t at i. */
export function backward(emit: Float32Array | Float64Array, n: number, trans: Float64Array, end: Float64Array, scratch = false): Float64Array {
  const beta = scratch ? scratchF64(1, n * NT) : new Float64Array(n * NT);
  if (n === 0) return beta;
  const last = (n - 1) * NT;
  for (let a = 0; a < NT; a++) beta[last + a] = canEnd(a) ? end[a]! : -Infinity;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * NT;
    const q = o + NT;
    for (let k = 0; k < 7; k++) {
      const a = CLOSED[k]!;
      let best = -Infinity;
      for (let j = 0; j < 7; j++) {
        const b = OPENERS[j]!;
        const t = trans[a * NT + b]! + emit[q + b]! + beta[q + b]!;
        if (t > best) best = t;
      }
      beta[o + a] = best;
    }
    for (let x = 1; x < NT; x += 4) {
      for (let a = x; a <= x + 1; a++) {
        const ti = trans[a * NT + x + 1]! + emit[q + x + 1]! + beta[q + x + 1]!;
        const te = trans[a * NT + x + 2]! + emit[q + x + 2]! + beta[q + x + 2]!;
        beta[o + a] = te > ti ? te : ti;
      }
    }
  }
  return beta;
}

/** Feature slots (see features.ts) with few distinct values and dense rows: summed once per combination. */
const HOT = Uint8Array.from([0, 11, 13, 14, 16, 17, 18, 19, 20, 22, 23, 26, 27, 28, 30, 31, 32, 34, 35, 36, 37]);
/**
 * Hot features whose joint values are few (the bias and the rule verdicts: ~200 combinations; the unit's
 * tag × position × rule: ~700) are summed once per combination; the other hot features one by one.
 */
const GROUPS = [Uint8Array.from([0, 17, 18, 19, 20, 30]), Uint8Array.from([11, 16, 28])];
const SINGLE_HOT = Uint8Array.from([...HOT].filter((f) => !GROUPS.some((g) => g.includes(f))));
const COLD = Uint8Array.from(Array.from({ length: FEATURES }, (_, i) => i).filter((i) => !HOT.includes(i)));

// Run-time layout. Scoring is bound by memory, not arithmetic: the rest of the pipeline (jieba's
// dictionary, the gazetteer) evicts the weights between articles, and on this kind of machine a read
// beyond ~2 MB costs 100+ ns. So every structure is small and one lookup reads one cache line:
// - the feature table: open addressing at load ≤ 2/3, 16 bytes a slot (key, meta, two weights), so
//   a feature with at most two weights (most of them) is one line; meta = tag0 | tag1 << 4 |
//   count << 8 | overflow offset << 12 (entries past the second), 0 for an empty slot. An empty slot
//   and a one-weight row add 0, so the loop needs no branch for them;
// - a Bloom filter in front of it: most features of a text are not in the model;
// - the hot (low-cardinality) features: dense rows in a small exact table filled on first use, and
//   two groups of them summed once per combination of values (also exact tables);
// - scores summed in float64 (13 locals for the dense rows).

/** The Bloom filter bits of a feature hash (bits independent of the word index and the slot). */
const bloomBits = (k: number) => (1 << (k & 31)) | (1 << ((k >>> 5) & 31)) | (1 << ((k >>> 10) & 31));

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
  private readonly slotI: Int32Array;
  private readonly slotF: Float32Array;
  private readonly ovTag: Uint8Array;
  private readonly ovWeight: Float32Array;
  private readonly mask: number;
  /** A Bloom filter of the table's keys, one 32-bit word per key (3 bits set), about 25 bits a key:
   * most features a text produces are not in the model, and this answers for them from L2. */
  private readonly bloom: Int32Array;
  private readonly bloomMask: number;
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
    while (cap < keys.length * 1.5) cap <<= 1;
    this.mask = cap - 1;
    let words = 1;
    while (words * 2 < keys.length) words <<= 1;
    this.bloom = new Int32Array(words);
    this.bloomMask = words - 1;
    for (let r = 0; r < keys.length; r++) {
      if (rowStart[r + 1] === rowStart[r]) continue;
      const k = keys[r]!;
      const w = (k >>> 15) & this.bloomMask;
      this.bloom[w] = this.bloom[w]! | bloomBits(k);
    }
    const buf = new ArrayBuffer(cap * 16);
    this.slotI = new Int32Array(buf);
    this.slotF = new Float32Array(buf);
    let overflow = 0;
    for (let r = 0; r < keys.length; r++) overflow += Math.max(0, rowStart[r + 1]! - rowStart[r]! - 2);
    this.ovTag = new Uint8Array(overflow);
    this.ovWeight = new Float32Array(overflow);
    let ov = 0;
    for (let r = 0; r < keys.length; r++) {
      const first = rowStart[r]!;
      const count = rowStart[r + 1]! - first;
      if (count === 0) continue;
      let h = keys[r]! & this.mask;
      while (this.slotI[4 * h + 1] !== 0) h = (h + 1) & this.mask;
      this.slotI[4 * h] = keys[r]!;
      let meta = entTag[first]! | (count << 8);
      this.slotF[4 * h + 2] = entWeight[first]!;
      if (count > 1) {
        meta |= entTag[first + 1]! << 4;
        this.slotF[4 * h + 3] = entWeight[first + 1]!;
      }
      if (count > 2) {
        meta |= ov << 12;
        for (let e = first + 2; e < first + count; e++, ov++) {
          this.ovTag[ov] = entTag[e]!;
          this.ovWeight[ov] = entWeight[e]!;
        }
      }
      this.slotI[4 * h + 1] = meta;
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

  /** Adds feature `key`'s row into out[o..o+NT) (float32 sums, in tag order). */
  private addRow(key: number, out: Float32Array, o: number): void {
    const { slotI, slotF, mask } = this;
    let h = key & mask;
    let meta = slotI[4 * h + 1]!;
    while (meta !== 0 && slotI[4 * h] !== key) {
      h = (h + 1) & mask;
      meta = slotI[4 * h + 1]!;
    }
    if (meta === 0) return;
    let at = o + (meta & 15);
    out[at] = out[at]! + slotF[4 * h + 2]!;
    const count = (meta >>> 8) & 15;
    if (count === 1) return;
    at = o + ((meta >>> 4) & 15);
    out[at] = out[at]! + slotF[4 * h + 3]!;
    if (count === 2) return;
    const { ovTag, ovWeight } = this;
    const first = meta >>> 12;
    const last = first + count - 2;
    for (let e = first; e < last; e++) {
      at = o + ovTag[e]!;
      out[at] = out[at]! + ovWeight[e]!;
    }
  }

  // The hot features' rows, dense, in a small exact table filled on first use (a few thousand keys).
  private hotKeys = new Int32Array(1 << 12);
  private hotSlot = new Int32Array(1 << 12);
  private hotRows = new Float32Array(16 << 10);
  private hotKeyCount = 0;
  /** Rows in use; row 0 stays zero. */
  private hotCount = 1;
  private emitBuf = new Float64Array(NT * 1024);

  /** Whether feature `key` has weights. */
  private known(key: number): boolean {
    const bits = bloomBits(key);
    if ((this.bloom[(key >>> 15) & this.bloomMask]! & bits) !== bits) return false;
    const { slotI, mask } = this;
    let h = key & mask;
    while (slotI[4 * h + 1] !== 0) {
      if (slotI[4 * h] === key) return true;
      h = (h + 1) & mask;
    }
    return false;
  }

  /** Offset of hot feature `key`'s dense row in hotRows (row 0, all zeros, for unknown features). */
  private hotRow(key: number): number {
    let { hotKeys, hotSlot } = this;
    let m = hotKeys.length - 1;
    let h = key & m;
    while (hotSlot[h] !== 0) {
      if (hotKeys[h] === key) return hotSlot[h]! - 1;
      h = (h + 1) & m;
    }
    if (2 * (this.hotKeyCount + 1) > hotKeys.length) {
      // Grow the table and insert again.
      const oldKeys = hotKeys;
      const oldSlot = hotSlot;
      hotKeys = this.hotKeys = new Int32Array(oldKeys.length * 2);
      hotSlot = this.hotSlot = new Int32Array(oldKeys.length * 2);
      m = hotKeys.length - 1;
      for (let k = 0; k < oldKeys.length; k++) {
        if (oldSlot[k] === 0) continue;
        let g = oldKeys[k]! & m;
        while (hotSlot[g] !== 0) g = (g + 1) & m;
        hotKeys[g] = oldKeys[k]!;
        hotSlot[g] = oldSlot[k]!;
      }
      h = key & m;
      while (hotSlot[h] !== 0) h = (h + 1) & m;
    }
    let at = 0;
    if (this.known(key)) {
      at = this.hotCount++ << 4;
      if (at + 16 > this.hotRows.length) {
        const rows = new Float32Array(this.hotRows.length * 2);
        rows.set(this.hotRows);
        this.hotRows = rows;
      }
      this.addRow(key, this.hotRows, at);
    }
    this.hotKeyCount++;
    hotKeys[h] = key;
    hotSlot[h] = at + 1;
    return at;
  }

  // Group combinations: two 32-bit hashes of the members' values → a dense row of their summed weights.
  private groupK1 = new Int32Array(1 << 11);
  private groupK2 = new Int32Array(1 << 11);
  private groupSlot = new Int32Array(1 << 11);
  private groupRows = new Float64Array(16 << 10);
  private groupCount = 0;

  /** Offset in groupRows of the summed row of group `g`'s features at feats[fo..]. */
  private groupRow(feats: Int32Array, fo: number, g: number): number {
    const members = GROUPS[g]!;
    let k1 = 0x2545f491 + g;
    let k2 = 0x68e31da4 - g;
    for (let j = 0; j < members.length; j++) {
      const v = feats[fo + members[j]!]!;
      k1 = Math.imul(k1 ^ v, 0x9e3779b1);
      k1 ^= k1 >>> 15;
      k2 = Math.imul(k2 + v, 0x85ebca77);
      k2 ^= k2 >>> 13;
    }
    let m = this.groupK1.length - 1;
    let h = k1 & m;
    while (this.groupSlot[h] !== 0) {
      if (this.groupK1[h] === k1 && this.groupK2[h] === k2) return this.groupSlot[h]! - 1;
      h = (h + 1) & m;
    }
    if (2 * (this.groupCount + 1) > this.groupK1.length) {
      const [o1, o2, os] = [this.groupK1, this.groupK2, this.groupSlot];
      this.groupK1 = new Int32Array(o1.length * 2);
      this.groupK2 = new Int32Array(o1.length * 2);
      this.groupSlot = new Int32Array(o1.length * 2);
      m = this.groupK1.length - 1;
      for (let k = 0; k < o1.length; k++) {
        if (os[k] === 0) continue;
        let q = o1[k]! & m;
        while (this.groupSlot[q] !== 0) q = (q + 1) & m;
        this.groupK1[q] = o1[k]!;
        this.groupK2[q] = o2[k]!;
        this.groupSlot[q] = os[k]!;
      }
      const rows = new Float64Array(this.groupRows.length * 2);
      rows.set(this.groupRows);
      this.groupRows = rows;
      h = k1 & m;
      while (this.groupSlot[h] !== 0) h = (h + 1) & m;
    }
    const at = this.groupCount++ << 4;
    for (let j = 0; j < members.length; j++) {
      const r = this.hotRow(feats[fo + members[j]!]!);
      for (let t = 0; t < NT; t++) this.groupRows[at + t] = this.groupRows[at + t]! + this.hotRows[r + t]!;
    }
    this.groupK1[h] = k1;
    this.groupK2[h] = k2;
    this.groupSlot[h] = at + 1;
    return at;
  }

  /**
   * Emission scores (n × NT) for feature hashes (n × FEATURES). With `scratch`, the result is a view
   * of a buffer the tagger reuses (valid until its next call).
   */
  emissions(feats: Int32Array, n: number, scratch = false): Float64Array {
    let emit: Float64Array;
    if (scratch) {
      if (this.emitBuf.length < n * NT) this.emitBuf = new Float64Array(Math.max(n * NT, this.emitBuf.length * 2));
      emit = this.emitBuf.subarray(0, n * NT);
    } else emit = new Float64Array(n * NT);
    const { slotI, slotF, ovTag, ovWeight, mask, bloom, bloomMask } = this;
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      const fo = i * FEATURES;
      // The hot features: dense rows from the small table, summed in registers.
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0;
      for (let g = 0; g < GROUPS.length; g++) {
        const r = this.groupRow(feats, fo, g);
        const w = this.groupRows;
        a0 += w[r]!;
        a1 += w[r + 1]!;
        a2 += w[r + 2]!;
        a3 += w[r + 3]!;
        a4 += w[r + 4]!;
        a5 += w[r + 5]!;
        a6 += w[r + 6]!;
        a7 += w[r + 7]!;
        a8 += w[r + 8]!;
        a9 += w[r + 9]!;
        a10 += w[r + 10]!;
        a11 += w[r + 11]!;
        a12 += w[r + 12]!;
      }
      for (let j = 0; j < SINGLE_HOT.length; j++) {
        const key = feats[fo + SINGLE_HOT[j]!]!;
        const { hotKeys, hotSlot } = this;
        const m = hotKeys.length - 1;
        let h = key & m;
        let r = hotSlot[h]!;
        while (r !== 0 && hotKeys[h] !== key) {
          h = (h + 1) & m;
          r = hotSlot[h]!;
        }
        r = r !== 0 ? r - 1 : this.hotRow(key);
        const w = this.hotRows;
        a0 += w[r]!;
        a1 += w[r + 1]!;
        a2 += w[r + 2]!;
        a3 += w[r + 3]!;
        a4 += w[r + 4]!;
        a5 += w[r + 5]!;
        a6 += w[r + 6]!;
        a7 += w[r + 7]!;
        a8 += w[r + 8]!;
        a9 += w[r + 9]!;
        a10 += w[r + 10]!;
        a11 += w[r + 11]!;
        a12 += w[r + 12]!;
      }
      emit[o] = a0;
      emit[o + 1] = a1;
      emit[o + 2] = a2;
      emit[o + 3] = a3;
      emit[o + 4] = a4;
      emit[o + 5] = a5;
      emit[o + 6] = a6;
      emit[o + 7] = a7;
      emit[o + 8] = a8;
      emit[o + 9] = a9;
      emit[o + 10] = a10;
      emit[o + 11] = a11;
      emit[o + 12] = a12;
      // The cold features, inlined and nearly branch-free: an empty slot has tags 0 and weights 0,
      // a one-entry row a zero second weight, so both add nothing.
      for (let j = 0; j < COLD.length; j++) {
        const key = feats[fo + COLD[j]!]!;
        const bits = bloomBits(key);
        if ((bloom[(key >>> 15) & bloomMask]! & bits) !== bits) continue;
        let h = key & mask;
        let meta = slotI[4 * h + 1]!;
        while (meta !== 0 && slotI[4 * h] !== key) {
          h = (h + 1) & mask;
          meta = slotI[4 * h + 1]!;
        }
        let at = o + (meta & 15);
        emit[at] = emit[at]! + slotF[4 * h + 2]!;
        at = o + ((meta >>> 4) & 15);
        emit[at] = emit[at]! + slotF[4 * h + 3]!;
        if (meta >= 3 << 8 && (meta & 0xf00) > 2 << 8) {
          const first = meta >>> 12;
          const last = first + ((meta >>> 8) & 15) - 2;
          for (let e = first; e < last; e++) {
            at = o + ovTag[e]!;
            emit[at] = emit[at]! + ovWeight[e]!;
          }
        }
      }
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
