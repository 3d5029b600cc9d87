import type { SearchHit } from '../api/queries.ts';

const count = new Intl.NumberFormat(undefined);

/** Why a hit is here when its label alone does not show it: typed in pinyin, or found by an alias. */
const MATCH_NOTE: Partial<Record<SearchHit['matchedBy'], string>> = { ALIAS: 'alias', PINYIN: 'pinyin' };

/** An article's date; an entity's article count, formatted here (the API sends the number). */
export function describeDetail(hit: SearchHit): string {
  const main = hit.type === 'Article' ? (hit.date ?? '') : hit.articles === null ? '' : `${count.format(hit.articles)} ${hit.articles === 1 ? 'article' : 'articles'}`;
  const note = MATCH_NOTE[hit.matchedBy];
  return note ? [main, `by ${note}`].filter(Boolean).join(' · ') : main;
}
