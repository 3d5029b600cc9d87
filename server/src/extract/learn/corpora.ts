/**
 * The annotated corpora the tagger learns from, read from `../shared` beside the repository (never
 * copied into it; see `../shared/eval/README.md` for their conventions and rules of use). All are
 * already PER / LOC / ORG in BIO; the training files are gzipped. `msra-test.bio` is not here: it is
 * the benchmark, never trained or tuned on.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type BioSentence, parseBio } from '../eval/bio.ts';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared');

export const CORPORA = {
  /** MSRA NER training split (SIGHAN 2006): 1.82 M characters, the test set's own convention. */
  msra: 'train/msra-train.bio.gz',
  /** People's Daily, January 1998, converted from PKU's POS tags (noisier, fewer ORG). */
  pd98: 'train/peoples-daily-1998-01.bio.gz',
  /** CLUENER2020 train (Sina news; whole addresses as one LOC, brand-like companies as ORG). */
  cluener: 'train/cluener-train.bio.gz',
  /** People's Daily NER development split: the validation set (MSRA's convention). */
  pddev: 'eval/peoples-daily-dev.bio',
} as const;
/**
 * MSRA train split in two, deterministically: every 20th sentence (index % 20 === 7) is `msradev`, a
 * validation set in the test set's own convention (PD-dev's ORG differs from MSRA's in places); the
 * rest is `msrafit`. Features and epochs are chosen by training on msrafit; the shipped model then
 * trains on all of `msra`.
 */
const SPLITS = {
  msrafit: { of: 'msra', keep: (i: number) => i % 20 !== 7 },
  msradev: { of: 'msra', keep: (i: number) => i % 20 === 7 },
} as const;
export type CorpusName = keyof typeof CORPORA | keyof typeof SPLITS;

export function corpusPath(name: keyof typeof CORPORA): string {
  return resolve(SHARED, CORPORA[name]);
}

/** One corpus's sentences (PER / LOC / ORG only; any other type dropped). */
export function readCorpus(name: CorpusName): BioSentence[] {
  if (name in SPLITS) {
    const split = SPLITS[name as keyof typeof SPLITS];
    return readCorpus(split.of).filter((_, i) => split.keep(i));
  }
  const path = corpusPath(name as keyof typeof CORPORA);
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return parseBio(text).map((s) => ({ text: s.text, entities: s.entities.filter((e) => e.type === 'PER' || e.type === 'LOC' || e.type === 'ORG') }));
}

/** Parses a comma-separated list of corpus names, with a clear error for an unknown one. */
export function corpusNames(list: string): CorpusName[] {
  return list.split(',').filter(Boolean).map((n) => {
    if (!(n in CORPORA) && !(n in SPLITS)) throw new Error(`unknown corpus "${n}" (known: ${[...Object.keys(CORPORA), ...Object.keys(SPLITS)].join(', ')})`);
    return n as CorpusName;
  });
}
