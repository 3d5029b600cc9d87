import type { ArticleInput, InputProblem, Origin } from '@guanxi/shared';

export type InputField = 'title' | 'body' | 'date' | 'url' | 'source' | 'author' | 'lang';

export interface ReadOptions {
  /** Decode every input with this encoding (an iconv-lite name) instead of detecting it. */
  encoding?: string;
  /** CSV header names for the article fields, where the defaults do not find them. */
  csvColumns?: Partial<Record<InputField, string>>;
}

export type InputItem = { kind: 'article'; article: ArticleInput } | { kind: 'problem'; problem: InputProblem };

export function problem(origin: Origin, reason: string): InputItem {
  return { kind: 'problem', problem: { origin, reason } };
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
}
