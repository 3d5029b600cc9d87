/**
 * The tagger's weights in WebAssembly memory, and the call that scores a text with them
 * (`server/wasm/emissions.ts`, layout described there). One instance per model: its memory holds the
 * model's tables and the buffers of the text being scored.
 *
 * Weights are int16 × one scale per model (as `ner.bin` stores them), so a character's score is an
 * exact integer sum times the scale: the same whatever the order of the features.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NT } from './tags.ts';

const KERNEL_PATH = fileURLToPath(new URL('../../../wasm/emissions.wasm', import.meta.url));

interface Exports {
  memory: WebAssembly.Memory;
  useModel(tableAt: number, log2Slots: number, bloomAt: number, bloomWords: number, scale: number, zerosAt: number): void;
  usePlan(planAt: number, groupsAt: number, log2GroupSlots: number): void;
  emissions(feats: number, n: number, features: number, out: number): void;
  useTransitions(at: number): void;
  viterbi(emit: number, n: number, score: number, back: number, out: number): number;
}

let compiled: WebAssembly.Module | undefined;
const SLOT_BYTES = 32;
/** Transition scores (NT × NT), start and end scores (NT each), and the kernel's 49 closed → opener scores. */
const TRANSITION_SCORES = NT * NT + 2 * NT + 49;
const PAGE = 65536;
/** The group cache: 2^13 combinations of 64 bytes (emptied when half full). */
const LOG2_GROUP_SLOTS = 13;

/**
 * How a character's features are summed: groups of feature slots (indices into the character's
 * features) whose joint values are few, each one cached lookup; the other slots one by one.
 */
export interface Plan {
  groups: number[][];
  /** Slots whose features are often not in the model: a Bloom filter is tested first. */
  singles: number[];
  /** Slots whose features nearly always are: looked up directly. */
  direct: number[];
}

/** The Bloom filter's three bits of a feature hash, and its word: what the kernel tests. */
const bloomBits = (k: number) => (1 << (k & 31)) | (1 << ((k >>> 5) & 31)) | (1 << ((k >>> 10) & 31));
const bloomWord = (k: number, mask: number) => (k >>> 15) & mask;

/** The weights as int16 and their scale: the largest weight maps to ±32767. */
function quantize(weights: Float32Array): { ints: Int16Array; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = Math.fround(max / 32767) || 1;
  return { ints: Int16Array.from(weights, (w) => Math.round(w / scale)), scale };
}

/** Bytes of n characters' feature hashes, rounded up to 8 (the float64 scores follow them). */
const featureBytes = (n: number, features: number) => (4 * n * features + 7) & ~7;

export class EmissionKernel {
  private readonly wasm: Exports;
  /** Where the text's buffers start: after the model's tables. */
  private readonly dataAt: number;
  /** The transition, start and end scores (float64) for `viterbi`. */
  private readonly transAt: number;
  readonly scale: number;

  /** Feature hashes with rows rowStart[r] .. rowStart[r + 1] of (tag, weight) entries. */
  constructor(keys: Int32Array, rowStart: Int32Array, entTag: Uint8Array, entWeight: Float32Array, plan: Plan, log2GroupSlots = LOG2_GROUP_SLOTS) {
    compiled ??= new WebAssembly.Module(readFileSync(KERNEL_PATH));
    this.wasm = new WebAssembly.Instance(compiled, {}).exports as unknown as Exports;
    const { ints, scale } = quantize(entWeight);
    this.scale = scale;
    let bloomWords = 1;
    while (bloomWords * 2 < keys.length) bloomWords <<= 1;
    // At most 80 % full: 2^19 slots (16 MB) for the shipped model's 395,000 features. Half the memory of
    // a table at most 67 % full, and no slower for it (measured on a 47,000-feature model: 0.94× the
    // time; on this one a table half as full is no faster either).
    let log2Slots = 4;
    while (1 << log2Slots < keys.length * 1.25) log2Slots++;
    const planAt = 0;
    const bloomAt = 1024;
    const tableAt = bloomAt + 4 * bloomWords;
    const groupsAt = tableAt + (SLOT_BYTES << log2Slots);
    this.transAt = groupsAt + (64 << log2GroupSlots);
    this.dataAt = this.transAt + 8 * TRANSITION_SCORES;
    this.reserve(0);
    const planBytes = [plan.groups.length, ...plan.groups.flatMap((g) => [g.length, ...g]), plan.singles.length, ...plan.singles, plan.direct.length, ...plan.direct];
    // The last 32 bytes before the Bloom filter stay zero: the row of a feature the filter rules out.
    const zerosAt = bloomAt - 32;
    if (planBytes.length > zerosAt) throw new Error('emission plan too long');
    new Uint8Array(this.wasm.memory.buffer, planAt, planBytes.length).set(planBytes);
    const mem = this.wasm.memory.buffer;
    const bloom = new Int32Array(mem, bloomAt, bloomWords);
    const slots16 = new Int16Array(mem, tableAt, (SLOT_BYTES / 2) << log2Slots);
    const slots32 = new Int32Array(mem, tableAt, (SLOT_BYTES / 4) << log2Slots);
    const mask = (1 << log2Slots) - 1;
    for (let r = 0; r < keys.length; r++) {
      if (rowStart[r + 1] === rowStart[r]) continue;
      const k = keys[r]!;
      // The kernel reads key 0 as an empty slot (and no template hashes to it but by a 2^-32 chance).
      if (k === 0) throw new Error('a model feature hashes to 0');
      bloom[bloomWord(k, bloomWords - 1)]! |= bloomBits(k);
      let h = Math.imul(k, 0x9e3779b1) >>> (32 - log2Slots);
      while (slots16[h * 16 + 13] !== 0) h = (h + 1) & mask;
      for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) slots16[h * 16 + entTag[e]!] = ints[e]!;
      slots16[h * 16 + 13] = 1;
      slots32[h * 8 + 7] = k;
    }
    this.wasm.useModel(tableAt, log2Slots, bloomAt, bloomWords, scale, zerosAt);
    this.wasm.usePlan(planAt, groupsAt, log2GroupSlots);
  }

  /** Characters the text buffers are laid out for (`batch`). */
  private capacity = 0;

  /**
   * Lays the text buffers out for a batch of texts of `total` characters in all, each at its
   * character offset `at` (the sum of the lengths before it): feature hashes, then emission scores,
   * forward scores, back pointers and best tags. Every text's buffers stay valid until the next
   * `batch`, so a batch is featurized whole, then scored whole, and each stage's tables stay in cache.
   */
  batch(total: number, features: number): void {
    this.reserve(featureBytes(total, features) + 16 * NT * total + (NT + 1) * total);
    this.capacity = total;
  }

  /** Room for the feature hashes of n characters at `at`, for `featurize` to write into before `score`. */
  rows(at: number, n: number, features: number): Int32Array {
    return new Int32Array(this.wasm.memory.buffer, this.dataAt + 4 * features * at, n * features);
  }

  /** A batch of one text: room for its n characters' feature hashes (valid until the next call). */
  featureRows(n: number, features: number): Int32Array {
    this.batch(n, features);
    return this.rows(0, n, features);
  }

  /** Where the emission scores of the batch start (forward scores, back pointers and tags follow). */
  private emitBase(features: number): number {
    return this.dataAt + featureBytes(this.capacity, features);
  }

  /** Emission scores (n × NT) of the hashes in `rows(at, n)`: a view valid until the next `batch`. */
  score(n: number, features: number, at = 0): Float64Array {
    const outAt = this.emitBase(features) + 8 * NT * at;
    this.wasm.emissions(this.dataAt + 4 * features * at, n, features, outAt);
    return new Float64Array(this.wasm.memory.buffer, outAt, n * NT);
  }

  /** The model's transition (NT × NT, from-major), start and end scores, for `viterbi`. */
  useTransitions(trans: Float64Array, start: Float64Array, end: Float64Array): void {
    const at = new Float64Array(this.wasm.memory.buffer, this.transAt, NT * NT + 2 * NT);
    at.set(trans);
    at.set(start, NT * NT);
    at.set(end, NT * NT + NT);
    this.wasm.useTransitions(this.transAt);
  }

  /**
   * Viterbi over the scores of the `score` call for the text at `at` (the same results as `viterbi`
   * in viterbi.ts): the best tags, the forward scores (n × NT) and the best total; views valid until
   * the next `batch`.
   */
  viterbi(n: number, features: number, at = 0): { tags: Uint8Array; alpha: Float64Array; best: number } {
    const cap = this.capacity;
    const emitAt = this.emitBase(features) + 8 * NT * at;
    const alphaAt = this.emitBase(features) + 8 * NT * (cap + at);
    const backAt = this.emitBase(features) + 16 * NT * cap + NT * at;
    const tagsAt = this.emitBase(features) + (16 * NT + NT) * cap + at;
    const best = this.wasm.viterbi(emitAt, n, alphaAt, backAt, tagsAt);
    const mem = this.wasm.memory.buffer;
    return { tags: new Uint8Array(mem, tagsAt, n), alpha: new Float64Array(mem, alphaAt, NT * n), best };
  }

  /** Emission scores (n × NT) for feature hashes (n × features): a view valid until the next call. */
  emissions(feats: Int32Array, n: number, features: number): Float64Array {
    this.featureRows(n, features).set(feats.subarray(0, n * features));
    return this.score(n, features);
  }

  private reserve(bytes: number): void {
    const need = this.dataAt + bytes;
    const have = this.wasm.memory.buffer.byteLength;
    if (need > have) this.wasm.memory.grow(Math.ceil((need - have) / PAGE));
  }
}
