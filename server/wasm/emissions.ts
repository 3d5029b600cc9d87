/**
 * The tagger's emission scores, in AssemblyScript compiled to WebAssembly with SIMD (`npm run
 * build:wasm` → emissions.wasm, committed; tests/extract/kernel.test.ts checks it matches this source).
 *
 * Why WebAssembly: every character of every article sums the weight rows of its 38 features, 13
 * tags each. In JavaScript that is 13 scalar loads and adds a row; here a row is two 16-byte loads
 * and four vector adds, and the sums are exact integers (the model's weights are int16 × one scale).
 *
 * Memory layout, owned by the JavaScript side (`server/src/extract/learn/kernel.ts`):
 *   table  — open addressing, 32-byte slots: 13 int16 weights (tag order), int16 "used" flag at 26,
 *            the feature hash (int32) at 28. The home slot is (hash × 0x9e3779b1) >>> shift.
 *   bloom  — int32 words; a feature's three bits (`bloomBits` in kernel.ts) in word (hash >>> 15) & mask.
 *   feats  — n × features int32 feature hashes (`featurize`).
 *   out    — n × 13 float64 emission scores.
 */

let table: usize = 0;
let shift: u32 = 0;
let slotMask: u32 = 0;
let bloom: usize = 0;
let bloomMask: u32 = 0;
let scale: f64 = 1;
let plan: usize = 0;
let groups: usize = 0;
let groupMask: u32 = 0;
let groupCount: u32 = 0;

/** Points the kernel at a model's tables (see the layout above). */
export function useModel(tableAt: usize, log2Slots: u32, bloomAt: usize, bloomWords: u32, weightScale: f64): void {
  table = tableAt;
  shift = 32 - log2Slots;
  slotMask = (1 << log2Slots) - 1;
  bloom = bloomAt;
  bloomMask = bloomWords - 1;
  scale = weightScale;
}

/**
 * Which feature slots are summed how: the plan is bytes — the number of groups; per group its size
 * and its slots; then the number of single slots and those slots. The group cache has 2^log2Slots
 * 64-byte slots: 13 int32 sums, a used flag at 52, two hashes of the members' values at 56 and 60.
 */
export function usePlan(planAt: usize, groupsAt: usize, log2GroupSlots: u32): void {
  plan = planAt;
  groups = groupsAt;
  groupMask = (1 << log2GroupSlots) - 1;
  groupCount = 0;
  memory.fill(groups, 0, <usize>64 << log2GroupSlots);
}

/** The address of feature `key`'s slot in the table, or 0 if the model does not have it. */
// @ts-ignore: decorator
@inline function slotOf(key: i32): usize {
  // Most hashes of a text are not in the model: the Bloom filter (L2-resident) says so first.
  const bits = (1 << (key & 31)) | (1 << ((key >>> 5) & 31)) | (1 << ((key >>> 10) & 31));
  if ((load<i32>(bloom + (<usize>((<u32>key >>> 15) & bloomMask) << 2)) & bits) != bits) return 0;
  let h = (<u32>key * 0x9e3779b1) >>> shift;
  while (true) {
    const slot = table + (<usize>h << 5);
    if (load<u16>(slot, 26) == 0) return 0;
    if (load<i32>(slot, 28) == key) return slot;
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
function groupSlot(row: usize, members: usize, size: i32, g: i32): usize {
  let k1: i32 = 0x2545f491 + g;
  let k2: i32 = 0x68e31da4 - g;
  for (let j = 0; j < size; j++) {
    const v = load<i32>(row + (<usize>load<u8>(members + j) << 2));
    k1 = (k1 ^ v) * 0x9e3779b1;
    k1 ^= k1 >>> 15;
    k2 = (k2 + v) * 0x85ebca77;
    k2 ^= k2 >>> 13;
  }
  let h = <u32>k1 & groupMask;
  while (true) {
    const slot = groups + (<usize>h << 6);
    if (load<i32>(slot, 52) == 0) break;
    if (load<i32>(slot, 56) == k1 && load<i32>(slot, 60) == k2) return slot;
    h = (h + 1) & groupMask;
  }
  if (groupCount * 2 > groupMask) {
    memory.fill(groups, 0, (<usize>groupMask + 1) << 6);
    groupCount = 0;
    h = <u32>k1 & groupMask;
  }
  groupCount++;
  const slot = groups + (<usize>h << 6);
  memory.fill(slot, 0, 64);
  for (let j = 0; j < size; j++) {
    const member = slotOf(load<i32>(row + (<usize>load<u8>(members + j) << 2)));
    if (member != 0) addRowTo(slot, member);
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
      const slot = slotOf(load<i32>(row + (<usize>load<u8>(p + j) << 2)));
      if (slot == 0) continue;
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
