import type { Span } from './span.ts';
import { dictTag } from './tokens.ts';
import { words } from './cues.ts';

/**
 * Set phrases and slogans whose characters read like names (绿水青山就是金山银山: 青山 and 银山 are
 * places elsewhere). jieba's dictionary knows most four-character idioms (tag i, l); these are the
 * ones it lacks or tags otherwise (it reads 绿水青山 as a person name).
 */
const SET_PHRASES = words(`
  绿水青山 金山银山 青山绿水 碧水蓝天 蓝天白云 五湖四海 大江南北 天南海北 山南海北 名山大川 锦绣河山 大好河山
  万水千山 千山万水 长城内外 黄河两岸 江山如画 东西南北 四面八方 华夏儿女 炎黄子孙 九州大地 神州大地
`);
const IDIOM_TAGS = words('i l');

/**
 * Spans that lie inside a set phrase or an idiom, and are shorter than it, are pieces of it, not
 * names: dropped after the tagger (whose rule features are left as they are). Spans the user's
 * lexicon gave stand.
 */
export function withoutSetPhraseFragments(text: string, spans: Span[]): Span[] {
  // Pieces of idioms read as names or places (青山, 东山), not as organizations, which need a head.
  return spans.filter((s) => s.rule === 'lexicon' || s.type === 'Organization' || !insidePhrase(text, s));
}

// Every listed phrase, and every idiom looked up, has four characters: a span inside one is shorter.
const PHRASE_LENGTH = 4;

function insidePhrase(text: string, s: Span): boolean {
  if (s.end - s.start >= PHRASE_LENGTH) return false;
  const last = Math.min(s.start, text.length - PHRASE_LENGTH);
  for (let start = Math.max(0, s.end - PHRASE_LENGTH); start <= last; start++) {
    const phrase = text.slice(start, start + PHRASE_LENGTH);
    if (SET_PHRASES.has(phrase) || IDIOM_TAGS.has(dictTag(phrase) ?? '')) return true;
  }
  return false;
}
