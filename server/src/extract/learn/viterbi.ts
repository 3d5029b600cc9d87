/**
 * Best paths through the tag lattice under the BIOES constraints: forward Viterbi (the best tags, and
 * the best prefix score per tag and position), and the best path through a given tag at a given
 * position, which prices any single span (`Tagger.decode` → cost).
 *
 * Only 61 of the 169 tag pairs are allowed: O, B-x and S-x follow O, E-y or S-y (7 × 7); I-x and E-x
 * follow B-x or I-x (2 × 2 per type). The loops visit just those, with the previous position's scores
 * in locals. Training decodes with `viterbi`; the tagger decodes with the kernel's copy in WebAssembly
 * (server/wasm/emissions.ts, twice as fast), which tests/extract/model.test.ts holds to the same tags,
 * scores and total.
 */
import { CLOSED, NT, OPENERS, allowed, canEnd, canStart } from './tags.ts';

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
let alphaBuf = new Float64Array(0);
let backBuf = new Uint8Array(0);
function scratchAlpha(len: number): Float64Array {
  if (alphaBuf.length < len) alphaBuf = new Float64Array(Math.max(len, 2 * alphaBuf.length));
  return alphaBuf.subarray(0, len);
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
  const score = scratch ? scratchAlpha(n * NT) : new Float64Array(n * NT);
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

// Per tag b, the tags that may precede it: PRED[PRED_START[b] .. PRED_START[b + 1]).
const PRED_START = new Uint8Array(NT + 1);
const PRED = Uint8Array.from(
  Array.from({ length: NT }, (_, b) => Array.from({ length: NT }, (_, a) => a).filter((a) => allowed(a, b))).flatMap((preds, b) => {
    PRED_START[b + 1] = PRED_START[b]! + preds.length;
    return preds;
  }),
);
let here = new Float64Array(NT);
let next = new Float64Array(NT);

/**
 * The best total score of a path that has tag `tag` at position `at`, given the best score of the
 * path up to there (`score`, emission at `at` included) and the forward scores of `viterbi`. Walks
 * forward from `at` only until the constrained scores are the forward scores shifted by one amount
 * at every tag: from there on the two lattices are the same up to that shift, so the best total is
 * `best` plus it. That takes a few characters, where scores for every position (backward Viterbi)
 * would take the whole text.
 */
export function bestThrough(emit: Scores, alpha: Float64Array, n: number, trans: Float64Array, end: Float64Array, best: number, at: number, tag: number, score: number): number {
  here.fill(-Infinity);
  here[tag] = score;
  for (let i = at + 1; i < n; i++) {
    const o = i * NT;
    let shift = NaN;
    let merged = true;
    for (let b = 0; b < NT; b++) {
      let m = -Infinity;
      for (let k = PRED_START[b]!; k < PRED_START[b + 1]!; k++) {
        const a = PRED[k]!;
        const t = here[a]! + trans[a * NT + b]!;
        if (t > m) m = t;
      }
      next[b] = m + emit[o + b]!;
      const d = next[b]! - alpha[o + b]!;
      if (b === 0) shift = d;
      // Equal up to rounding: the shifted sums are added in another order.
      else if (!(Math.abs(d - shift) <= 1e-9 * (1 + Math.abs(shift)))) merged = false;
    }
    if (merged) return best + shift;
    [here, next] = [next, here];
  }
  let total = -Infinity;
  for (let a = 0; a < NT; a++) if (canEnd(a) && here[a]! + end[a]! > total) total = here[a]! + end[a]!;
  return total;
}
