import type { Span } from './span.ts';
import type { Unit } from './units.ts';
import { TITLES, words } from './cues.ts';
import { orgSuffixOf, unitEndingAt } from './organizations.ts';
import { dictTag } from './tokens.ts';

// Words that describe a body's remit inside a name (发展和改革, 住房和城乡建设, 城市|建设|发展): nouns, verbal nouns,
// adjectives (卫生|健康), and common words jieba tags as places (城市).
const REMIT_TAGS = words('n vn b an a nz l ns');
// Level words that open a local body's name (市|发展和改革委员会).
const LEVEL = /^[省市县区乡镇]$/;
const CONJUNCTIONS = words('和 与 及');
const PROPER_TAGS = words('nr nz j x nrt nrfg');
// Company names whose every word is generic need a word of their own before them (保定|农业发展有限公司).
const GENERIC_COMPANY = /^(?:农业|城市|建设|发展|投资|控股|科技|能源|实业|贸易|水务|置业|产业|旅游|文化|交通|城投|资产|经营|管理)+(?:有限责任公司|股份有限公司|有限公司|集团有限公司|集团|公司)$/;
export const isGeneric = (name: string) => GENERIC_COMPANY.test(name);
const opensClause = (u: Unit | undefined) => u === undefined || !/[\u4e00-\u9fff]/.test(u.text);
const MAX_REMIT_UNITS = 5;

/**
 * Organization names cut by the tagger or the rules, joined again after both have spoken (downstream
 * of the tagger, so the rule spans it reads as features do not change):
 * - a remit with a conjunction before the head: 河南省|发展和|改革委员会, 宝鸡市|住房和城乡|建设局 — the
 *   organization reaches left over the remit to the place (or the level word) before it;
 * - a place right before a bare or generic organization: 西吉县|纪委, 阿勒泰地区|投资控股集团有限公司,
 *   洛阳市|人民政府 — one organization, as the news corpora annotate them.
 * Spans are in text order and do not overlap; the result is too.
 */
export function joinCutNames(text: string, spans: Span[], us: Unit[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    let s = spans[k]!;
    const body = s.type === 'Place' ? governmentAfter(text, s, us, spans[k + 1]) : undefined;
    if (body) {
      out.push(body);
      continue;
    }
    if (s.type !== 'Organization' || s.rule === 'lexicon') {
      out.push(s);
      continue;
    }
    s = withoutVerbHead(s, us);
    // A name that opens with a place or a proper noun has its name part already (郑州朗悦集团, 芙蓉区人民法院).
    if (hasNamePart(s, us)) {
      out.push(s);
      continue;
    }
    const prev = out[out.length - 1];
    const start = remitStart(text, s, us, prev);
    let joined = start < s.start ? { ...s, start, rule: 'joined-remit' } : s;
    const before = out[out.length - 1];
    if (before && before.type === 'Place' && before.end === joined.start && before.rule !== 'lexicon') {
      out.pop();
      joined = { ...joined, start: before.start, rule: 'joined-place' };
    }
    out.push(joined);
  }
  return out;
}

// Bodies named by their place alone: 洛阳市|人民政府, 郑州市|人大常委会.
const GOVERNMENT_HEADS = words('人民政府 政府 人大常委会 人大 政协 人民代表大会 常委会 委员会');
// Chinese administrative places end in a level word; a country + 政府 is the country (中国政府 → 中国).
const DIVISION = /[省市县区乡镇州盟旗]$/;

/** The government body a division's name opens (洛阳市人民政府), when the next span does not hold its head. */
function governmentAfter(text: string, place: Span, us: Unit[], next: Span | undefined): Span | undefined {
  if (place.rule === 'lexicon' || !DIVISION.test(text.slice(place.start, place.end))) return undefined;
  const i = unitEndingAt(us, place.end) + 1;
  if (i === 0 || us[i]?.start !== place.end) return undefined;
  let end = place.end;
  for (let j = i; j >= 0 && j < us.length && j < i + 2; j++) {
    const u = us[j]!;
    if (!GOVERNMENT_HEADS.has(u.text) && !(u.text === '人大' && us[j + 1]?.text === '常委会')) break;
    end = u.end;
  }
  if (end === place.end || (next && next.start < end)) return undefined;
  return { start: place.start, end, type: 'Organization', rule: 'joined-government' };
}

/**
 * A verb read as a one-character head (签|署 of 签署, 布|局 of 布局) does not end a name: 洛阳市人民政府签署
 * is 洛阳市人民政府 and a verb.
 */
function withoutVerbHead(s: Span, us: Unit[]): Span {
  const k = unitEndingAt(us, s.end);
  const last = us[k];
  // Only a two-character word the dictionary knows as a verb (签署, 布局): 促进会, 蝶阀厂 are heads.
  if (!last || last.start <= s.start || last.text.length !== 2 || dictTag(last.text) !== 'v' || (orgSuffixOf(last.text)?.length ?? 0) !== 1) return s;
  return last.start - s.start >= 2 ? { ...s, end: last.start, rule: 'trimmed-verb' } : s;
}

/** A word of a remit: two to four characters of a noun-like kind, not itself a body or a title (出版社|与, 负责人|和). */
function isRemitWord(u: Unit): boolean {
  return REMIT_TAGS.has(u.tag) && u.text.length >= 2 && u.text.length <= 4 && !orgSuffixOf(u.text) && !TITLES.has(u.text);
}

/** Does the span open with a place, a proper noun or an organization word (then nothing is missing before it)? */
function hasNamePart(s: Span, us: Unit[]): boolean {
  const i = unitEndingAt(us, s.start);
  const first = i >= 0 || s.start === 0 ? us[i + 1] : undefined;
  if (first === undefined || first.start !== s.start) return false;
  if (first.tag === 'nt' && first.end === s.end) return !isRemitHead(first.text);
  return !!first.place || PROPER_TAGS.has(first.tag) || first.tag === 'nt' || first.tag === 'ns';
}

/** An organization word that is a remit and a head (建设局, 交通运输局): jieba's nt, but no name. */
function isRemitHead(word: string): boolean {
  const head = orgSuffixOf(word);
  const remit = head ? word.slice(0, word.length - head.length) : '';
  const tag = dictTag(remit);
  // A proper noun before the head names the body (新华|社: nz): that is a name part, not a remit.
  return remit.length >= 2 && remit.length <= 4 && tag !== undefined && REMIT_TAGS.has(tag) && tag !== 'ns' && tag !== 'nz';
}

/**
 * Where an organization's name starts once the remit words before it are counted in: the place or
 * level word they follow, when a conjunction (和) or remit words link it to the head; else s.start.
 */
function remitStart(text: string, s: Span, us: Unit[], prev: Span | undefined): number {
  let i = unitEndingAt(us, s.start);
  if (i < 0) return s.start;
  let start = s.start;
  let conjunction = false;
  for (let n = 0; i >= 0 && n < MAX_REMIT_UNITS; n++, i--) {
    const u = us[i]!;
    if (prev && u.start < prev.end) {
      // Reached the span before: a place there joins (the caller merges it), anything else stops here.
      return prev.type === 'Place' && prev.end === u.end ? start : s.start;
    }
    // A place no span holds (安康|城市建设发展有限公司) starts the name; a level word does when remit words moved the start.
    if (u.place) return u.start;
    if (LEVEL.test(u.text)) return start < s.start || conjunction ? u.start : s.start;
    if (CONJUNCTIONS.has(u.text)) {
      const left = us[i - 1];
      if (!left || !isRemitWord(left) || left.place) return s.start;
      conjunction = true;
      start = u.start;
      continue;
    }
    // A proper noun no span holds, opening the clause (。保定|农业发展有限公司): the name's own word.
    if (PROPER_TAGS.has(u.tag) && u.text.length >= 2 && opensClause(us[i - 1]) && start === s.start && isGeneric(text.slice(s.start, s.end))) return u.start;
    if (!isRemitWord(u)) {
      // Remit words from a clause's start (，市辖区卫生|健康委员会) are the name; after a verb or a function word
      // (汇报了|城市管理局) they are not, nor are words joined by a conjunction with no place or level word
      // before them (战绩和|智利队, 救援政策和|国防部: two phrases, not a remit; −0.6 ORG on msradev).
      const opens = !/[\u4e00-\u9fff]/.test(u.text);
      return opens && isRemit(text, start, s) ? start : s.start;
    }
    start = u.start;
  }
  return s.start;
}

/**
 * Does a rule organization open an official name with a conjunction in its remit (宝鸡市|住房和城乡|建设局)?
 * The conjunction is evidence the tagger's character view misses: such a head stands at the list margin.
 */
export function endsConjoinedRemit(text: string, s: Span, us: Unit[]): boolean {
  if (s.type !== 'Organization' || hasNamePart(s, us)) return false;
  const start = remitStart(text, s, us, undefined);
  // Only a full name, opened by a place (宝鸡市): a remit from a clause's start may be a phrase of the sentence.
  const first = us[unitEndingAt(us, start) + 1];
  return start < s.start && first?.start === start && !!first.place && /[和与及]/.test(text.slice(start, s.start));
}

/** Remit words before a head stand as a name (发展和改革委员会, 卫生健康委员会) when they are long enough. */
function isRemit(text: string, start: number, s: Span): boolean {
  return start < s.start && s.end - start >= 6 && !/[，。、；：\s]/.test(text.slice(start, s.end));
}
