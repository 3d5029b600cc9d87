/**
 * The tagger's emission scores and its Viterbi, in AssemblyScript compiled to WebAssembly with SIMD (`npm run
 * build:wasm` → emissions.wasm, committed; tests/extract/kernel.test.ts checks it matches this source).
 *
 * Why WebAssembly: every character of every article sums the weight rows of its 38 features, 13
 * tags each. In JavaScript that is 13 scalar loads and adds a row; here a row is two 16-byte loads
 * and four vector adds, and the sums are exact integers (the model's weights are int16 × one scale).
 *
 * Memory layout, owned by the JavaScript side (`server/src/extract/learn/kernel.ts`):
 *   table  — open addressing, 32-byte slots: 13 int16 weights (tag order), int16 "used" flag at 26,
 *            the feature hash (int32) at 28; an empty slot is all zeros.
 *   zeros  — 32 bytes of zeros: the row of a feature the Bloom filter rules out. The home slot is (hash × 0x9e3779b1) >>> shift.
 *   bloom  — int32 words; a feature's three bits (`bloomBits` in kernel.ts) in word (hash >>> 15) & mask.
 *   trans  — the transition, start and end scores (float64) and the closed → opener ones (`viterbi`).
 *   feats  — n × features int32 feature hashes (`featurize`).
 *   out    — n × 13 float64 emission scores; after them `viterbi`'s forward scores (n × 13 float64),
 *            back pointers (n × 13 bytes) and best tags (n bytes).
 */

let table: usize = 0;
let shift: u32 = 0;
let slotMask: u32 = 0;
let bloom: usize = 0;
let bloomMask: u32 = 0;
let zeros: usize = 0;
let scale: f64 = 1;
let plan: usize = 0;
let groups: usize = 0;
let groupMask: u32 = 0;
let groupCount: u32 = 0;

/** Points the kernel at a model's tables (see the layout above). */
export function useModel(tableAt: usize, log2Slots: u32, bloomAt: usize, bloomWords: u32, weightScale: f64, zerosAt: usize): void {
  zeros = zerosAt;
  table = tableAt;
  shift = 32 - log2Slots;
  slotMask = (1 << log2Slots) - 1;
  bloom = bloomAt;
  bloomMask = bloomWords - 1;
  scale = weightScale;
}

/**
 * Which feature slots are summed how: the plan is bytes — the number of groups; per group its size
 * and its slots; then the number of single slots tested against the Bloom filter and those slots;
 * then the number of single slots looked up directly and those slots. The group cache has 2^log2Slots
 * 64-byte slots: 13 int32 sums, a used flag at 52, two hashes of the members' values at 56 and 60.
 */
export function usePlan(planAt: usize, groupsAt: usize, log2GroupSlots: u32): void {
  plan = planAt;
  groups = groupsAt;
  groupMask = (1 << log2GroupSlots) - 1;
  groupCount = 0;
  memory.fill(groups, 0, <usize>64 << log2GroupSlots);
}

/**
 * The address of feature `key`'s row: its slot in the table, or a row of zeros if the model does not
 * have it. For the features that are mostly not in the model, the Bloom filter (L2-resident) says so first.
 */
// @ts-ignore: decorator
@inline function rowOf(key: i32): usize {
  const bits = (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
  if ((load<i32>(bloom + (<usize>((<u32>key >>> 15) & bloomMask) << 2)) & bits) != bits) return zeros;
  return probe(key);
}

/**
 * The same without the Bloom filter, for the features that are nearly always in the model (a
 * character, its neighbours' tags): the filter would say yes at the cost of 18 instructions. A key
 * not in the table ends at an empty slot, whose row is zeros (and whose key is 0: no feature hashes
 * to 0 in a model, `EmissionKernel` checks), so the caller adds what it finds without a test.
 */
// @ts-ignore: decorator
@inline function probe(key: i32): usize {
  let h = (<u32>key * 0x9e3779b1) >>> shift;
  while (true) {
    const slot = table + (<usize>h << 5);
    const k = load<i32>(slot, 28);
    if (k == key || k == 0) return slot;
    h = (h + 1) & slotMask;
  }
}

/** Adds a feature's int16 row (at `row`) to the 13 int32 sums at `sums`. */
function addRowTo(sums: usize, row: usize): void {
  const lo = v128.load(row);
  const hi = v128.load(row, 16);
  v128.store(sums, i32x4.add(v128.load(sums), i32x4.extend_low_i16x8_s(lo)));
  v128.store(sums, i32x4.add(v128.load(sums, 16), i32x4.extend_high_i16x8_s(lo)), 16);
  v128.store(sums, i32x4.add(v128.load(sums, 32), i32x4.extend_low_i16x8_s(hi)), 32);
  v128.store(sums, i32x4.add(v128.load(sums, 48), i32x4.extend_high_i16x8_s(hi)), 48);
}

/**
 * The address of the summed row of a group of features whose joint values are few (the rule
 * verdicts, the lexicon matches…): one lookup in the group cache instead of one per member. A
 * combination not yet cached is summed from the members' rows and stored; a cache half full is
 * emptied first.
 */
// @ts-ignore: decorator
@inline function groupSlot(row: usize, members: usize, size: i32, g: i32): usize {
  // Two 32-bit hashes of the members' values (themselves hashes, so one multiply a step mixes enough).
  let k1: i32 = 0x2545f491 + g;
  let k2: i32 = 0x68e31da4 - g;
  for (let j = 0; j < size; j++) {
    const v = load<i32>(row + (<usize>load<u8>(members + j) << 2));
    k1 = (k1 ^ v) * 0x9e3779b1;
    k2 = (k2 + v) * 0x85ebca77;
  }
  k1 ^= k1 >>> 15;
  k2 ^= k2 >>> 13;
  let h = <u32>k1 & groupMask;
  while (true) {
    const slot = groups + (<usize>h << 6);
    if (load<i32>(slot, 52) == 0) break;
    if (load<i32>(slot, 56) == k1 && load<i32>(slot, 60) == k2) return slot;
    h = (h + 1) & groupMask;
  }
  return newGroupSlot(row, members, size, h, k1, k2);
}

/** Sums a group's rows into the empty cache slot h (the cache emptied first when half full). */
function newGroupSlot(row: usize, members: usize, size: i32, h: u32, k1: i32, k2: i32): usize {
  if (groupCount * 2 > groupMask) {
    memory.fill(groups, 0, (<usize>groupMask + 1) << 6);
    groupCount = 0;
    h = <u32>k1 & groupMask;
  }
  groupCount++;
  const slot = groups + (<usize>h << 6);
  memory.fill(slot, 0, 64);
  for (let j = 0; j < size; j++) {
    addRowTo(slot, rowOf(load<i32>(row + (<usize>load<u8>(members + j) << 2))));
  }
  // Lane 0 of the last vector is tag 12's sum; the flag and the hashes overwrite the rest.
  store<i32>(slot, 1, 52);
  store<i32>(slot, k1, 56);
  store<i32>(slot, k2, 60);
  return slot;
}

/** Four int32 sums times the scale, as float64, at `at`. */
// @ts-ignore: decorator
@inline function storeScaled(at: usize, sums: v128, sc: v128): void {
  v128.store(at, f64x2.mul(f64x2.convert_low_i32x4_s(sums), sc));
  v128.store(at, f64x2.mul(f64x2.convert_low_i32x4_s(v128.shuffle<i32>(sums, sums, 2, 3, 0, 1)), sc), 16);
}

/** Emission scores for n characters of `features` feature hashes each. */
export function emissions(feats: usize, n: i32, features: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    // Tags 0–3, 4–7, 8–11, and 12 (lane 0; lanes 1–3 sum flags and hashes, never read).
    let a0 = i32x4.splat(0);
    let a1 = i32x4.splat(0);
    let a2 = i32x4.splat(0);
    let a3 = i32x4.splat(0);
    const row = feats + ((<usize>i * <usize>features) << 2);
    let p = plan;
    const nGroups = <i32>load<u8>(p++);
    for (let g = 0; g < nGroups; g++) {
      const size = <i32>load<u8>(p++);
      const slot = groupSlot(row, p, size, g);
      p += size;
      a0 = i32x4.add(a0, v128.load(slot));
      a1 = i32x4.add(a1, v128.load(slot, 16));
      a2 = i32x4.add(a2, v128.load(slot, 32));
      a3 = i32x4.add(a3, v128.load(slot, 48));
    }
    const nSingles = <i32>load<u8>(p++);
    for (let j = 0; j < nSingles; j++) {
      const slot = rowOf(load<i32>(row + (<usize>load<u8>(p + j) << 2)));
      const lo = v128.load(slot);
      const hi = v128.load(slot, 16);
      a0 = i32x4.add(a0, i32x4.extend_low_i16x8_s(lo));
      a1 = i32x4.add(a1, i32x4.extend_high_i16x8_s(lo));
      a2 = i32x4.add(a2, i32x4.extend_low_i16x8_s(hi));
      a3 = i32x4.add(a3, i32x4.extend_high_i16x8_s(hi));
    }
    p += nSingles;
    // A loop of its own, not one loop choosing the lookup by index: that read ~6 % slower in bench:extract.
    const nDirect = <i32>load<u8>(p++);
    for (let j = 0; j < nDirect; j++) {
      const slot = probe(load<i32>(row + (<usize>load<u8>(p + j) << 2)));
      const lo = v128.load(slot);
      const hi = v128.load(slot, 16);
      a0 = i32x4.add(a0, i32x4.extend_low_i16x8_s(lo));
      a1 = i32x4.add(a1, i32x4.extend_high_i16x8_s(lo));
      a2 = i32x4.add(a2, i32x4.extend_low_i16x8_s(hi));
      a3 = i32x4.add(a3, i32x4.extend_high_i16x8_s(hi));
    }
    const o = out + <usize>i * 104;
    const sc = f64x2.splat(scale);
    storeScaled(o, a0, sc);
    storeScaled(o + 32, a1, sc);
    storeScaled(o + 64, a2, sc);
    store<f64>(o, <f64>i32x4.extract_lane(a3, 0) * scale, 96);
  }
}

// The model's transition scores for `viterbi`, float64: trans (13 × 13, from-major), start (13), end
// (13); then the 49 closed → opener scores, opener-major, that `useTransitions` lays out.
let transAt: usize = 0;

// BIOES under one entity-type-major numbering (tags.ts): O = 0, B/I/E/S of type t = 1 + 4t .. 4 + 4t.
// Tags after which anything may start (O, E-x, S-x) and the tags that may follow them (O, B-x, S-x).
// @ts-ignore: decorator
@inline function closed(j: i32): i32 {
  return j == 0 ? 0 : j == 1 ? 3 : j == 2 ? 4 : j == 3 ? 7 : j == 4 ? 8 : j == 5 ? 11 : 12;
}
// @ts-ignore: decorator
@inline function opener(k: i32): i32 {
  return k == 0 ? 0 : k == 1 ? 1 : k == 2 ? 4 : k == 3 ? 5 : k == 4 ? 8 : k == 5 ? 9 : 12;
}

// @ts-ignore: decorator
@inline function f64At(base: usize, k: i32): f64 {
  return load<f64>(base + (<usize>k << 3));
}

/**
 * Points `viterbi` at the model's transition, start and end scores (195 float64 at `at`, with room
 * for 49 more after them: the closed → opener scores, laid out here in the order the loop reads them).
 */
export function useTransitions(at: usize): void {
  transAt = at;
  const to = at + 195 * 8;
  for (let k = 0; k < 7; k++) {
    for (let j = 0; j < 7; j++) store<f64>(to + <usize>(k * 7 + j) * 8, f64At(at, closed(j) * 13 + opener(k)));
  }
}

/**
 * Viterbi over n × 13 emission scores at `emit`, the same computation as `viterbi` in
 * server/src/extract/learn/viterbi.ts (the tests hold the two to identical results): forward scores
 * into `score` (n × 13 float64), back pointers into `back` (n × 13 bytes), the best tags into `out`
 * (n bytes); returns the best total. Ties go to the lowest predecessor tag.
 */
export function viterbi(emit: usize, n: i32, score: usize, back: usize, out: usize): f64 {
  if (n == 0) return 0;
  const trans = transAt;
  const start = transAt + 169 * 8;
  const end = start + 13 * 8;
  const toOpeners = end + 13 * 8;
  for (let b = 0; b < 13; b++) {
    const s = b == 0 || b % 4 == 1 || b % 4 == 0 ? f64At(start, b) + f64At(emit, b) : -Infinity;
    store<f64>(score + (<usize>b << 3), s);
  }
  for (let i = 1; i < n; i++) {
    const o = score + <usize>i * 104;
    const p = o - 104;
    const e = emit + <usize>i * 104;
    const bk = back + <usize>i * 13;
    // The previous position's closed tags (O, E-x, S-x), whose successors are the openers.
    const c0 = load<f64>(p);
    const c3 = load<f64>(p, 24);
    const c4 = load<f64>(p, 32);
    const c7 = load<f64>(p, 56);
    const c8 = load<f64>(p, 64);
    const c11 = load<f64>(p, 88);
    const c12 = load<f64>(p, 96);
    for (let k = 0; k < 7; k++) {
      const to = toOpeners + <usize>k * 56;
      let best = c0 + load<f64>(to);
      let arg = 0;
      let t = c3 + load<f64>(to, 8);
      if (t > best) { best = t; arg = 3; }
      t = c4 + load<f64>(to, 16);
      if (t > best) { best = t; arg = 4; }
      t = c7 + load<f64>(to, 24);
      if (t > best) { best = t; arg = 7; }
      t = c8 + load<f64>(to, 32);
      if (t > best) { best = t; arg = 8; }
      t = c11 + load<f64>(to, 40);
      if (t > best) { best = t; arg = 11; }
      t = c12 + load<f64>(to, 48);
      if (t > best) { best = t; arg = 12; }
      const b = opener(k);
      store<f64>(o + (<usize>b << 3), best + f64At(e, b));
      store<u8>(bk + b, arg);
    }
    for (let x = 1; x < 13; x += 4) {
      // x = B-type; x + 1 = I, x + 2 = E.
      const sb = f64At(p, x);
      const si = f64At(p, x + 1);
      for (let b = x + 1; b <= x + 2; b++) {
        const tb = sb + f64At(trans, x * 13 + b);
        const ti = si + f64At(trans, (x + 1) * 13 + b);
        const fromI = ti > tb;
        store<f64>(o + (<usize>b << 3), (fromI ? ti : tb) + f64At(e, b));
        store<u8>(bk + b, fromI ? x + 1 : x);
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = score + <usize>(n - 1) * 104;
  for (let a = 0; a < 13; a++) {
    const t = a == 0 || a % 4 == 3 || a % 4 == 0 ? f64At(last, a) + f64At(end, a) : -Infinity;
    if (t > best) {
      best = t;
      arg = a;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    store<u8>(out + i, arg);
    arg = load<u8>(back + <usize>i * 13 + arg);
  }
  return best;
}
