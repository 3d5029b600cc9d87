import type { Span } from './span.ts';
import type { Unit } from './units.ts';
import { COMMON_WORD_STOPS, isMarked, marksOf, words } from './cues.ts';
import { COUNTRY_ABBREVIATIONS } from './world.ts';

// Single-character heads that turn a proper name before them into a place (张家|村, 卢沟|桥).
const PLACE_HEAD_CHARS = new Set(['省', '市', '县', '区', '州', '乡', '镇', '村', '岛', '山', '江', '河', '湖', '峰', '湾', '港']);
const NAMEISH = words('ns nr nrfg nz x j');
// Words after an abbreviation pair that show it is a pair of countries (中美|关系, 中日|两国).
const PAIR_FOLLOWERS = /^(关系|两国|双边|双方|之间|合作|友好|贸易|联合|会谈|首脑|峰会|建交|边界|经贸|友谊|人民|领导人|外长)/;
const TRIP_RE = /^(访|来|在|抵|离|赴|进|驻|旅|返|回|援|入|留|出|经|对|反|侵|抗|亲|排)(华|京|美|日|俄|英|法|德|韩|藏|沪|港|澳|台|疆)$/;
// A standing abbreviation before a word of side, origin or people (中方, 美籍, 华侨, 台胞, 港人, 日资): the
// abbreviation is the place. Characters whose pairs are ordinary words (比方, 古方, 秘方, 土方, 老人, 新人) are not read so.
const SIDE_RE = /^([中美日俄英法德韩朝越印巴意加澳欧泰菲缅埃以伊叙墨荷葡])(方|籍|裔|资|企|商)$|^([华港澳台])(侨|胞|人|商|资|企|籍|裔|方)$|^藏(胞|区|族)$/;
// Two or three standing abbreviations as one word (欧美, 港台地区, 港澳台): each is a place. Not 中亚 or
// 中欧, which name regions.
const ABBREVIATION_RUN_RE = /^([中美日俄英法德韩朝越印意加欧亚非泰菲缅埃以伊墨荷葡港澳台京津沪粤闽]{2,3})(地区|两地|三地)?$/;
const PAIR_RE = /^(.{2,3}?)(关系)?$/;
// Every character the two regexes above name (their first characters among them: neither has a range
// or a wildcard): a two-character unit whose first is unmarked is not run through them. Both ran on
// every such unit: `findPlaces` took 19.5 µs an article on the sample page, 10.4 µs now.
const SIDE_CHARS = marksOf(SIDE_RE.source);
const TRIP_CHARS = marksOf(TRIP_RE.source);

/**
 * Places: gazetteer and world-list units; jieba place words that are not common nouns; a proper
 * name followed by a place head (张家|村); and country-abbreviation pairs (中美关系 → 中, 美).
 */
export function findPlaces(us: Unit[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    const t = u.text;
    // Before the stop list: 华侨 and 欧美 are no entities, but the abbreviations in them are places.
    const side = t.length === 2 && isMarked(SIDE_CHARS, t.charCodeAt(0)) ? SIDE_RE.exec(t) : null;
    if (side) {
      spans.push({ start: u.start, end: u.start + 1, type: 'Place', rule: 'abbreviation-side' });
      continue;
    }
    const run = !u.place && (u.tag === 'ns' || u.tag === 'j') ? ABBREVIATION_RUN_RE.exec(t) : null;
    if (run && new Set(run[1]).size === run[1]!.length && !/^中[亚欧非东]/.test(t)) {
      for (let k = 0; k < run[1]!.length; k++) spans.push({ start: u.start + k, end: u.start + k + 1, type: 'Place', rule: 'abbreviation-pair' });
      continue;
    }
    if (COMMON_WORD_STOPS.has(t)) continue;
    // 访华, 来京, 赴美: a verb of travel and a one-character place.
    const trip = t.length === 2 && isMarked(TRIP_CHARS, t.charCodeAt(0)) ? TRIP_RE.exec(t) : null;
    if (trip) {
      spans.push({ start: u.end - 1, end: u.end, type: 'Place', rule: 'trip-abbreviation' });
      continue;
    }
    if (t.length >= 2 && t.length <= 4 && isAbbreviationPair(t, us[i + 1])) {
      const m = PAIR_RE.exec(t)!;
      for (let k = 0; k < m[1]!.length; k++) spans.push({ start: u.start + k, end: u.start + k + 1, type: 'Place', rule: 'abbreviation-pair' });
      continue;
    }
    if (u.place || (u.tag === 'ns' && t.length >= 2)) {
      const next = us[i + 1];
      if (next && next.text.length === 1 && PLACE_HEAD_CHARS.has(next.text) && !u.place) {
        spans.push({ start: u.start, end: next.end, type: 'Place', rule: 'place-head' });
        i++;
      } else spans.push({ start: u.start, end: u.end, type: 'Place', rule: u.place ? 'gazetteer' : 'jieba-ns' });
      continue;
    }
    const next = us[i + 1];
    if (next && next.text.length === 1 && PLACE_HEAD_CHARS.has(next.text) && NAMEISH.has(u.tag) && t.length >= 2 && !/[^\u4e00-\u9fff]/.test(t)) {
      spans.push({ start: u.start, end: next.end, type: 'Place', rule: 'place-head' });
      i++;
    }
  }
  return spans;
}

// The characters a pair of abbreviations is made of: 葡 (Portugal) pairs too (中葡双方); it stays out of
// COUNTRY_ABBREVIATIONS, whose characters are tagger features.
const PAIR_CHARS = marksOf([...COUNTRY_ABBREVIATIONS, '葡']);

function isAbbreviationPair(t: string, next: Unit | undefined): boolean {
  // Most words start with no country's abbreviation: one bit says so.
  if (!isMarked(PAIR_CHARS, t.charCodeAt(0))) return false;
  const m = PAIR_RE.exec(t);
  if (!m) return false;
  const letters = m[1]!;
  for (let k = 0; k < letters.length; k++) if (!isMarked(PAIR_CHARS, letters.charCodeAt(k))) return false;
  if (new Set(letters).size !== letters.length) return false;
  return !!m[2] || (!!next && PAIR_FOLLOWERS.test(next.text)) || /^(中美|中俄|中英|中法|中韩|中日|美日|美英|美俄|中非|中欧|中德|中印|中巴)$/.test(letters);
}
