import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { createExtractor, loadLexicon, type Extractor } from '../../extract/index.ts';
import { UsageError } from '../exit.ts';

/** The extractor a command uses, with the user's lexicon first, and a fingerprint of that lexicon. */
export function extractorFor(lexiconFile?: string): { extractor: Extractor; fingerprint: string } {
  if (!lexiconFile) return { extractor: createExtractor(), fingerprint: '' };
  if (!fs.existsSync(lexiconFile)) throw new UsageError(`lexicon file not found: ${lexiconFile}`);
  const lexicon = loadLexicon(lexiconFile);
  const fingerprint = createHash('sha1').update(fs.readFileSync(lexiconFile)).digest('hex');
  return { extractor: createExtractor({ lexicon }), fingerprint };
}

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer; got ${value}`);
    return n;
  };
}

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
