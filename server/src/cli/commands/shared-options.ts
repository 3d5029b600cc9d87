import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { createExtractor, loadLexicon, type Extractor } from '../../extract/index.ts';
import { UsageError } from '../exit.ts';

/** The extractor a command uses, with the user's lexicon (if any) honoured first. */
export function extractorFor(lexiconFile?: string): Extractor {
  if (!lexiconFile) return createExtractor();
  return createExtractor({ lexicon: loadLexicon(existing(lexiconFile)) });
}

function existing(lexiconFile: string): string {
  if (!fs.existsSync(lexiconFile)) throw new UsageError(`lexicon file not found: ${lexiconFile}`);
  return lexiconFile;
}

/** A hash of the lexicon file, mixed into article hashes: a new lexicon means new extraction. */
export function lexiconFingerprint(lexiconFile?: string): string {
  if (!lexiconFile) return '';
  return createHash('sha1').update(fs.readFileSync(existing(lexiconFile))).digest('hex');
}

function intAtLeast(min: number) {
  return (name: string) =>
    (value: string): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be an integer of at least ${min}; got ${value}`);
      return n;
    };
}

export const positiveInt = intAtLeast(1);
export const nonNegativeInt = intAtLeast(0);

const CSV_FIELDS = ['title', 'body', 'date', 'url', 'source', 'author', 'lang'] as const;
type CsvField = (typeof CSV_FIELDS)[number];

/** --column body=正文 (repeatable): which CSV header holds which article field. */
export function collectColumn(value: string, previous: Partial<Record<CsvField, string>> = {}) {
  const match = /^([a-z]+)=(.+)$/.exec(value);
  if (!match || !(CSV_FIELDS as readonly string[]).includes(match[1]!)) {
    throw new UsageError(`--column takes FIELD=HEADER with FIELD one of ${CSV_FIELDS.join(', ')}; got ${value}`);
  }
  return { ...previous, [match[1] as CsvField]: match[2]! };
}
