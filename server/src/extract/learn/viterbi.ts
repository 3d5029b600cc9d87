/**
 * Best paths through the tag lattice under the BIOES constraints: forward Viterbi (the best tags, and
 * the best prefix score per tag and position) and backward Viterbi (the best suffix score), which
 * together price any single span (`Tagger.decode` → cost).
 *
 * Only 61 of the 169 tag pairs are allowed: O, B-x and S-x follow O, E-y or S-y (7 × 7); I-x and E-x
 * follow B-x or I-x (2 × 2 per type). The loops visit just those, with the previous position's scores
 * in locals; this runs for every character of every article.
 */
import { CLOSED, NT, OPENERS, canEnd, canStart } from './tags.ts';

type Scores = Float32Array | Float64Array;

/**
 * The 49 closed → opener transition scores, opener-major (row k: into OPENERS[k] from each CLOSED),
 * copied on every call: training changes `trans` in place between calls, so nothing may be cached.
 */
const toOpeners = new Float64Array(49);
function openerTransitions(trans: Float64Array): Float64Array {
  for (let k = 0; k < 7; k++) for (let j = 0; j < 7; j++) toOpeners[k * 7 + j] = trans[CLOSED[j]! * NT + OPENERS[k]!]!;
  return toOpeners;
}

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

/**
 * Viterbi over emission scores (n × NT) and transition scores (NT × NT, plus start and end). Writes
 * the best tag sequence into `out`; returns the forward scores (the best prefix score ending in each
 * tag at each position) and the best total. Ties go to the lowest predecessor tag.
 */
export function viterbi(emit: Scores, n: number, trans: Float64Array, start: Float64Array, end: Float64Array, out: Uint8Array, scratch = false): { alpha: Float64Array; best: number } {
  const score = scratch ? scratchF64(0, n * NT) : new Float64Array(n * NT);
  if (n === 0) return { alpha: score, best: 0 };
  const back = scratch ? scratchBack(n * NT) : new Uint8Array(n * NT);
  const to = openerTransitions(trans);
  for (let b = 0; b < NT; b++) score[b] = canStart(b) ? start[b]! + emit[b]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * NT;
    const p = o - NT;
    const c0 = score[p]!, c3 = score[p + 3]!, c4 = score[p + 4]!, c7 = score[p + 7]!;
    const c8 = score[p + 8]!, c11 = score[p + 11]!, c12 = score[p + 12]!;
    for (let k = 0; k < 7; k++) {
      const r = k * 7;
      let best = c0 + to[r]!;
      let arg = 0;
      let t = c3 + to[r + 1]!;
      if (t > best) (best = t), (arg = 3);
      t = c4 + to[r + 2]!;
      if (t > best) (best = t), (arg = 4);
      t = c7 + to[r + 3]!;
      if (t > best) (best = t), (arg = 7);
      t = c8 + to[r + 4]!;
      if (t > best) (best = t), (arg = 8);
      t = c11 + to[r + 5]!;
      if (t > best) (best = t), (arg = 11);
      t = c12 + to[r + 6]!;
      if (t > best) (best = t), (arg = 12);
      const b = OPENERS[k]!;
      score[o + b] = best + emit[o + b]!;
      back[o + b] = arg;
    }
    for (let x = 1; x < NT; x += 4) {
      // x = B-type; x + 1 = I, x + 2 = E.
      const sb = score[p + x]!;
      const si = score[p + x + 1]!;
      for (let b = x + 1; b <= x + 2; b++) {
        const tb = sb + trans[x * NT + b]!;
        const ti = si + trans[(x + 1) * NT + b]!;
        const fromI = ti > tb;
        score[o + b] = (fromI ? ti : tb) + emit[o + b]!;
        back[o + b] = fromI ? x + 1 : x;
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * NT;
  for (let a = 0; a < NT; a++) {
    const t = canEnd(a) ? score[last + a]! + end[a]! : -Infinity;
    if (t > best) (best = t), (arg = a);
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * NT + arg]!;
  }
  return { alpha: score, best };
}

/** Backward Viterbi scores: the best score of everything after position i given tag t at i. */
export function backward(emit: Scores, n: number, trans: Float64Array, end: Float64Array, scratch = false): Float64Array {
  const beta = scratch ? scratchF64(1, n * NT) : new Float64Array(n * NT);
  if (n === 0) return beta;
  const to = openerTransitions(trans);
  const last = (n - 1) * NT;
  for (let a = 0; a < NT; a++) beta[last + a] = canEnd(a) ? end[a]! : -Infinity;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * NT;
    const q = o + NT;
    // What follows a closed tag: an opener at i + 1 and the best after it.
    const n0 = emit[q]! + beta[q]!, n1 = emit[q + 1]! + beta[q + 1]!, n4 = emit[q + 4]! + beta[q + 4]!;
    const n5 = emit[q + 5]! + beta[q + 5]!, n8 = emit[q + 8]! + beta[q + 8]!, n9 = emit[q + 9]! + beta[q + 9]!;
    const n12 = emit[q + 12]! + beta[q + 12]!;
    for (let j = 0; j < 7; j++) {
      let best = to[j]! + n0;
      let t = to[7 + j]! + n1;
      if (t > best) best = t;
      t = to[14 + j]! + n4;
      if (t > best) best = t;
      t = to[21 + j]! + n5;
      if (t > best) best = t;
      t = to[28 + j]! + n8;
      if (t > best) best = t;
      t = to[35 + j]! + n9;
      if (t > best) best = t;
      t = to[42 + j]! + n12;
      if (t > best) best = t;
      beta[o + CLOSED[j]!] = best;
    }
    for (let x = 1; x < NT; x += 4) {
      const ni = emit[q + x + 1]! + beta[q + x + 1]!;
      const ne = emit[q + x + 2]! + beta[q + x + 2]!;
      for (let a = x; a <= x + 1; a++) {
        const ti = trans[a * NT + x + 1]! + ni;
        const te = trans[a * NT + x + 2]! + ne;
        beta[o + a] = te > ti ? te : ti;
      }
    }
  }
  return beta;
}
