import type { ArticleInput, InputProblem, Origin } from '@guanxi/shared';
import type { InputLimits } from './limits.ts';

export type InputField = 'title' | 'body' | 'date' | 'url' | 'source' | 'author' | 'lang';

export interface ReadOptions {
  /** Decode every input with this encoding (an iconv-lite name) instead of detecting it. */
  encoding?: string;
  /** CSV header names for the article fields, where the defaults do not find them. */
  csvColumns?: Partial<Record<InputField, string>>;
  /** Size limits; those not given come from the environment, else the defaults (limits.ts). */
  limits?: Partial<InputLimits>;
}

/**
 * A warning is something the user should look at that cost nothing: the article it concerns is
 * still read (e.g. a bad byte decoded as U+FFFD). It has the shape of a problem but is not a failure.
 */
export type InputItem =
  | { kind: 'article'; article: ArticleInput }
  | { kind: 'problem'; problem: InputProblem }
  | { kind: 'warning'; problem: InputProblem };

export function problem(origin: Origin, reason: string): InputItem {
  return { kind: 'problem', problem: { origin, reason } };
}

export function warning(origin: Origin, reason: string): InputItem {
  return { kind: 'warning', problem: { origin, reason } };
}

export function article(value: ArticleInput): InputItem {
  return { kind: 'article', article: value };
}

/** What a format reader gets besides the text: where it comes from, for origins and file-name dates. */
export interface ReadContext {
  file: string;
  /** The name deciding format and file-name date ("-" for stdin), without ".gz". */
  formatName: string;
  options: ReadOptions;
  limits: InputLimits;
}
