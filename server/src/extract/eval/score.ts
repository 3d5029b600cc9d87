import type { BioEntity } from './bio.ts';

export const EVAL_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EvalType = (typeof EVAL_TYPES)[number];

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Adds entity-level exact-match counts of one sentence: (type, start, end) must all agree. */
export function countSentence(gold: BioEntity[], predicted: BioEntity[], counts: Record<EvalType, Counts>): void {
  const key = (e: BioEntity) => `${e.type}:${e.start}:${e.end}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  for (const e of predicted) {
    const c = counts[e.type as EvalType];
    if (!c) continue;
    if (goldKeys.has(key(e))) c.tp++;
    else c.fp++;
  }
  for (const e of gold) {
    const c = counts[e.type as EvalType];
    if (c && !predKeys.has(key(e))) c.fn++;
  }
}

export function emptyCounts(): Record<EvalType, Counts> {
  return { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } };
}

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p: round(p), r: round(r), f1: round(f1) };
}

/** Micro average: the three types' counts pooled. */
export function micro(counts: Record<EvalType, Counts>): Prf {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const t of EVAL_TYPES) {
    total.tp += counts[t].tp;
    total.fp += counts[t].fp;
    total.fn += counts[t].fn;
  }
  return prf(total);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
