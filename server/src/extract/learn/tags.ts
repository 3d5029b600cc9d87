/**
 * The tagger's tag set: 0 = O; for entity type t (0 PER, 1 LOC, 2 ORG): B = 1 + 4t, I = 2 + 4t,
 * E = 3 + 4t, S = 4 + 4t (BIOES), and how tag sequences map to spans and back.
 */
import type { EntityType } from '@guanxi/shared';

export const NT = 13;
export const TYPES: EntityType[] = ['Person', 'Place', 'Organization'];

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

/** Tags after which any entity may start (O, E-x, S-x), ascending. */
export const CLOSED = Uint8Array.from([0, 3, 4, 7, 8, 11, 12]);
/** Tags that may follow a closed tag (O, B-x, S-x), ascending. */
export const OPENERS = Uint8Array.from([0, 1, 4, 5, 8, 9, 12]);

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
