import type { EntityType } from '@guanxi/shared';

/** A recognized entity occurrence in the folded text, [start, end). */
export interface Span {
  start: number;
  end: number;
  type: EntityType;
  /** Which rule produced it, for debugging and tests. */
  rule: string;
}

/** Characters that end a Chinese name part: punctuation, spaces, brackets. */
export function isBreak(text: string): boolean {
  const c = text.charCodeAt(0);
  return !(c >= 0x4e00 && c <= 0x9fff) && !/^[A-Za-z0-9]/.test(text);
}
