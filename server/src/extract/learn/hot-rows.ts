/**
 * Dense rows for the tagger's "hot" features — the few with low cardinality and dense rows (bias,
 * unit tag × position, rule verdicts, cue bits, lexicon matches): a few thousand distinct hashes in a
 * text, each read at nearly every character. Their exact rows live in a small table filled on first
 * use, and two groups whose joint values are few are summed once per combination of values.
 */
import { NT } from './tags.ts';
import type { WeightTable } from './weights.ts';

/** Row stride: NT weights padded to 16, so a row is one 64-byte line (float32). */
const STRIDE = 16;

export class HotRows {
  /** Open addressing: keys[h] with slot[h] = row offset + 1 (0 = empty). */
  keys: Int32Array = new Int32Array(1 << 12);
  slot: Int32Array = new Int32Array(1 << 12);
  rows: Float32Array = new Float32Array(STRIDE << 10);
  private keyCount = 0;
  /** Rows in use; row 0 stays zero (for features the model does not have). */
  private rowCount = 1;

  // Group combinations: two 32-bit hashes of the members' values → a summed row.
  private groupK1: Int32Array = new Int32Array(1 << 11);
  private groupK2: Int32Array = new Int32Array(1 << 11);
  private groupSlot: Int32Array = new Int32Array(1 << 11);
  groupRows: Float64Array = new Float64Array(STRIDE << 10);
  private groupCount = 0;

  constructor(private readonly table: WeightTable) {}

  /** Offset of `key`'s row in `rows`, added on first use. */
  row(key: number): number {
    let m = this.keys.length - 1;
    let h = key & m;
    while (this.slot[h] !== 0) {
      if (this.keys[h] === key) return this.slot[h]! - 1;
      h = (h + 1) & m;
    }
    if (2 * (this.keyCount + 1) > this.keys.length) {
      const grownTable = rehash([this.keys], this.slot);
      [this.keys] = grownTable.keys as [Int32Array];
      this.slot = grownTable.slot;
      m = this.keys.length - 1;
      h = key & m;
      while (this.slot[h] !== 0) h = (h + 1) & m;
    }
    let at = this.rowCount << 4;
    if (at + STRIDE > this.rows.length) this.rows = grown(this.rows);
    if (this.table.exactRow(key, this.rows, at)) this.rowCount++;
    else at = 0;
    this.keyCount++;
    this.keys[h] = key;
    this.slot[h] = at + 1;
    return at;
  }

  /** Offset in `groupRows` of the summed row of the features feats[fo + members[j]]. */
  groupRow(feats: Int32Array, fo: number, members: Uint8Array, g: number): number {
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
      const grownTable = rehash([this.groupK1, this.groupK2], this.groupSlot);
      [this.groupK1, this.groupK2] = grownTable.keys as [Int32Array, Int32Array];
      this.groupSlot = grownTable.slot;
      m = this.groupK1.length - 1;
      h = k1 & m;
      while (this.groupSlot[h] !== 0) h = (h + 1) & m;
    }
    const at = this.groupCount++ * STRIDE;
    if (at + STRIDE > this.groupRows.length) this.groupRows = grown(this.groupRows);
    for (let j = 0; j < members.length; j++) {
      const r = this.row(feats[fo + members[j]!]!);
      for (let t = 0; t < NT; t++) this.groupRows[at + t] = this.groupRows[at + t]! + this.rows[r + t]!;
    }
    this.groupK1[h] = k1;
    this.groupK2[h] = k2;
    this.groupSlot[h] = at + 1;
    return at;
  }
}

function grown<T extends Float32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** Twice the capacity, the same entries: keys[0] decides the home slot, slot 0 means empty. */
function rehash(keys: Int32Array[], slot: Int32Array): { keys: Int32Array[]; slot: Int32Array } {
  const cap = slot.length * 2;
  const m = cap - 1;
  const nk = keys.map(() => new Int32Array(cap));
  const ns = new Int32Array(cap);
  for (let k = 0; k < slot.length; k++) {
    if (slot[k] === 0) continue;
    let g = keys[0]![k]! & m;
    while (ns[g] !== 0) g = (g + 1) & m;
    keys.forEach((a, i) => (nk[i]![g] = a[k]!));
    ns[g] = slot[k]!;
  }
  return { keys: nk, slot: ns };
}
