import type { Span } from './span.ts';
import type { Unit } from './units.ts';
import { COMMON_WORD_STOPS, ORG_HEADS, TITLES, TITLE_ENDS, WEAK_ORG_SUFFIXES, endsInMarked, isTitle, longestSuffix, marksOf, words } from './cues.ts';
import { dictTag } from './tokens.ts';
import { gazetteer } from './gazetteer.ts';

// Tags of units that can sit inside an organization name, left of its head.
const NAME_PART = words('ns nt nz n vn j x eng nr nrt nrfg b an l s nn ng z');
// Verbs of trade that company names carry (医疗设备|制造|有限公司, 食品|加工|厂).
const TRADE_VERBS = new Set(['制造', '生产', '加工', '销售', '开发', '经营', '贸易', '批发', '零售', '设计', '研发', '租赁', '咨询']);
// Party and government bodies named by level alone, organizations on their own (市委书记, 县委).
const LEVEL_BODIES = /^(团?[省市县区乡镇村]委|[省市县区]政府|村委会|居委会|纪委|[省市县区]纪委|[省市县区]人大|[省市县区]政协)$/;
// The characters LEVEL_BODIES end with: the regex runs only on units that end with one.
const LEVEL_BODY_ENDS = marksOf('委府会大协');
const isLevelBody = (s: string) => endsInMarked(LEVEL_BODY_ENDS, s) && LEVEL_BODIES.test(s);
// Abbreviations (jieba tag j) that name organizations by their last character: 欧盟, 足协, 亚行.
const ORG_ABBREVIATION_END = /[盟委协联行社办局部院团署]$/;
// Heads after a country name that news treats as the country itself (中国政府 → 中国 as a place).
const STATE_HEADS = new Set(['政府', '当局']);
// Tags of units that give a name enough identity (a place, a proper noun, an abbreviation).
const STRONG_PART = words('ns nt nz j x eng nr nrt nrfg');
// Modifiers that start a generic reference, not a name (各基层党委, 该公司, 两家公司).
const NOT_NAME_START = words('各 该 本 其 这 那 每 两 几 多 全 某 此 我 你 他 有关 相关 其他 其它 一些 所有 主要 各级 部分 一家 一个 该些');
const MAX_UNITS = 10;
const PERSONLIKE_OR_UNKNOWN = words('nr nrfg x');
const DIRECTION_PART = /^[东南西北中]{1,2}部$|^大部$/;
const BU = 0x90e8; // 部, which every DIRECTION_PART ends with
const CENTRAL_SENSE = words('城市 城区 工作 任务 环节 地带 区域 议题');

/** Does the organization span end in 中心 meaning "the heart of" (郑州国家中心|城市)? */
export function endsInCentralSense(text: string, span: Span, us: Unit[]): boolean {
  if (!text.startsWith('中心', span.end - 2)) return false;
  const next = us.find((u) => u.start === span.end);
  return next !== undefined && CENTRAL_SENSE.has(next.text);
}

const INNER_PART = words('ns nt nz n vn j x eng nr nrt nrfg b an l s nn ng a d z');
const COMPANY_HEADS = /(集团|公司)$/;
const BUREAU_HEADS = /(局|委员会|领导小组|办公室|中心|研究所|研究院|协会|学会)$/;

/**
 * Names without a place or proper noun: a company named by a word (永恒集团, 市热力公司) or a
 * bureau named by its remit (财政金融局, 城市管理局, 新型城镇化工作领导小组): at least four characters
 * of description before the head for bureaus, two for companies.
 */
function describedBody(us: Unit[], first: number, i: number, suffix: string | undefined): boolean {
  if (!suffix) return false;
  let chars = 0;
  for (let k = first; k < i; k++) chars += us[k]!.text.length;
  chars += us[i]!.text.length - suffix.length;
  if (COMPANY_HEADS.test(suffix)) return chars >= 2;
  return BUREAU_HEADS.test(suffix) && chars >= 4;
}

/** The organization head the unit's text ends with, or undefined. */
export function orgSuffixOf(text: string): string | undefined {
  const n = longestSuffix(ORG_HEADS, text);
  return n ? text.slice(text.length - n) : undefined;
}

// Heads whose last character starts the title after them (外交部|长 of 部长, 协会|长 of 会长).
const SHARED_TITLE_HEADS = new Set('部会社行局院所厅署');

function namesBody(head: string): boolean {
  const tag = dictTag(head);
  return isLevelBody(head) || tag === 'nt' || (tag === 'j' && ORG_ABBREVIATION_END.test(head)) || (orgSuffixOf(head)?.length ?? 0) >= 2;
}

/**
 * The length of the organization part of a word that glues a head to the title after it: 市委|书记,
 * 省委|常委, 银行|行长 (the title follows whole), 外交部|长, 内政部|长 (the title shares the head's last
 * character: 部长). 0 when the word is not such a pair: the part before the title must itself name a
 * body (a level body, a dictionary organization or abbreviation, or end in a head of two characters).
 */
export function orgBeforeTitle(word: string): number {
  if (word.length < 4 || !endsInMarked(TITLE_ENDS, word)) return 0;
  for (let n = Math.min(5, word.length - 2); n >= 2; n--) {
    const title = word.slice(word.length - n);
    if (!TITLES.has(title)) continue;
    const whole = word.slice(0, word.length - n);
    if (whole.length >= 2 && namesBody(whole)) return whole.length;
    const shared = word.slice(0, word.length - n + 1);
    if (shared.length >= 3 && SHARED_TITLE_HEADS.has(title[0]!) && shared.endsWith(title[0]!) && !TITLES.has(shared.slice(0, -1))) return shared.length;
  }
  return 0;
}

/**
 * Organizations: jieba's organization words (国务院, 新华社), and names built leftward from an
 * organization head (公司, 委员会, 局…) over name parts until a verb, function word, punctuation,
 * person or title. A bare generic head needs a strong part (a place, proper noun or abbreviation)
 * in front of it: 高新区党工委, 郑州威科姆科技股份有限公司, 卢氏县委 — not 办公室 or 有关部门.
 * `persons` are spans that block extension.
 */
export function findOrganizations(us: Unit[], blocked: Uint8Array): Span[] {
  const spans: Span[] = [];
  const stems = placeStems(us);
  const streets = streetOfficeNames(us);
  for (let i = 0; i < us.length; i++) {
    if (blocked[i]) continue;
    const whole = us[i]!;
    // A head glued to the title after it (市委书记, 外交部长) is read as the head alone.
    const glued = orgBeforeTitle(whole.text);
    const u = glued ? { ...whole, text: whole.text.slice(0, glued), end: whole.start + glued, tag: dictTag(whole.text.slice(0, glued)) ?? 'n' } : whole;
    if ((isLevelBody(u.text) && !us[i - 1]?.place) || (u.tag === 'j' && u.text.length >= 2 && ORG_ABBREVIATION_END.test(u.text))) {
      spans.push({ start: u.start, end: u.end, type: 'Organization', rule: 'level-body' });
      continue;
    }
    // A direction word (北部, 中南部, 大部) ends in 部 but names no department.
    if (u.tag === 'f' || (u.text.charCodeAt(u.text.length - 1) === BU && DIRECTION_PART.test(u.text))) continue;
    // 中国政府, 印度当局: the place alone is the entity.
    if (STATE_HEADS.has(u.text) && us[i - 1]?.place && !us[i - 2]?.place) continue;
    // A place's own name ending like a head (梁园区: 园区) names the place, not a body in it.
    const suffix = u.place && !glued ? undefined : orgSuffixOf(u.text);
    // 中心 as "the heart of" (国家中心城市, 中心工作), not a centre that is an institution.
    if (suffix === '中心' && CENTRAL_SENSE.has(us[i + 1]?.text ?? '')) continue;
    const isNt = u.tag === 'nt' && !COMMON_WORD_STOPS.has(u.text) && !u.text.endsWith('关系');
    if (!suffix && !isNt) continue;
    // Extend right over further heads (中共中央|政治局, 北京大学|法律系 stay one name); not past a title.
    let last = i;
    while (!glued && last + 1 < us.length && !blocked[last + 1] && (us[last + 1]!.tag === 'nt' || (orgSuffixOf(us[last + 1]!.text) && us[last + 1]!.text.length >= 2 && !isTitle(us[last + 1]!.text)))) last++;
    // Extend left over name parts.
    let first = i;
    let strong = isNt || STRONG_PART.has(u.tag) && u.text.length > (suffix?.length ?? 0);
    while (first - 1 >= 0 && i - first < MAX_UNITS) {
      const p = us[first - 1]!;
      const stopWord = COMMON_WORD_STOPS.has(p.text) && !p.place && !stems.has(p.text);
      const trade = p.tag === 'v' && TRADE_VERBS.has(p.text) && !!suffix && COMPANY_HEADS.test(suffix);
      if (blocked[first - 1] || !(NAME_PART.has(p.tag) || trade || stems.has(p.text)) || NOT_NAME_START.has(p.text) || isTitle(p.text) || (stopWord && !placeBefore(us, first - 1, stems))) break;
      // A name that starts with a place does not reach further left over a word the dictionary does not
      // know as a place or body (荣获|郑州市|技术监督局: jieba tags 荣获 a person name).
      if (us[first]!.place && !p.place && PERSONLIKE_OR_UNKNOWN.has(p.tag)) break;
      first--;
      if (!stopWord && strongPart(p, stems, streets)) strong = true;
    }
    // Descriptive words (高新|投资, 小|樱桃|动漫) sit inside names too, but only when a strong part
    // (郑州, 河南) stands further left: look past them for one.
    if (!strong) {
      let k = first - 1;
      while (k >= 0 && i - k < MAX_UNITS && !blocked[k] && INNER_PART.has(us[k]!.tag) && !NOT_NAME_START.has(us[k]!.text) && !isTitle(us[k]!.text)) {
        if (strongPart(us[k]!, stems, streets)) {
          // A zone's stem goes with the city before it (郑州|高新|投资…).
          first = stems.has(us[k]!.text) && k > 0 && us[k - 1]!.place && !blocked[k - 1] ? k - 1 : k;
          strong = true;
          break;
        }
        k--;
      }
    }
    // Drop generic nouns at the left edge: the name starts at its first strong part.
    while (first < i && !strongPart(us[first]!, stems, streets)) {
      if (!strong) break;
      first++;
    }
    // Places in a chain before the name (河北|栾城县|…, 美国|密执安州立大学): the name starts at the last
    // of them, and those before it are places of their own, as the news corpora write them.
    while (first + 1 < i && us[first]!.place && us[first + 1]!.place) first++;
    // Joined in a loop: a closure over this iteration's variables would make V8 allocate a context for
    // them on every unit, not only on the few that get here.
    let text = '';
    for (let k = first; k <= last; k++) text += k === i ? u.text : us[k]!.text;
    const weak = !suffix || WEAK_ORG_SUFFIXES.has(suffix) || text === suffix;
    if (!isNt && first === i && (weak || u.text === suffix)) {
      i = last;
      continue;
    }
    const described = !strong && !isNt;
    if (described && !describedBody(us, first, i, suffix)) {
      i = last;
      continue;
    }
    spans.push({ start: us[first]!.start, end: last === i ? u.end : us[last]!.end, type: 'Organization', rule: isNt && first === i ? 'jieba-nt' : described ? 'org-described' : 'org-head' });
    i = last;
  }
  return withSessions(spans, us);
}

/** A part that gives a name identity: a place, a proper noun, an abbreviation, a zone's stem. */
function strongPart(p: Unit, stems: Set<string>, streets: Set<string>): boolean {
  return STRONG_PART.has(p.tag) || !!p.place || stems.has(p.text) || streets.has(p.text);
}

/** A stop-listed word (智慧, 东方) is plain description inside a name that a place starts (高新|智慧|运营|集团). */
function placeBefore(us: Unit[], k: number, stems: Set<string>): boolean {
  return k > 0 && (!!us[k - 1]!.place || stems.has(us[k - 1]!.text));
}

// The numbered session of a body (第十一次, 六届, 第九届).
const SESSION = /^第?[〇零一二三四五六七八九十百0-9]+[届次]$/;
// Bodies that sit in sessions and are named with them (全国代表大会, 常委会), unlike a meeting (会议).
const SESSION_BODY = /(代表大会|委员会|常委会|人大)$/;

/**
 * A body named with its session is one organization (中国致公党第十一次全国代表大会, 六届人大常委会): an
 * organization, a session number and a body that sits in sessions, or a session number and such a body.
 */
function withSessions(spans: Span[], us: Unit[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const k = unitEndingAt(us, s.start);
    const session = k >= 0 && SESSION.test(us[k]!.text) ? us[k]! : undefined;
    if (!session || !SESSION_BODY.test(us.slice(k + 1, unitEndingAt(us, s.end) + 1).map((u) => u.text).join(''))) {
      out.push(s);
      continue;
    }
    const before = out[out.length - 1];
    if (before && before.end === session.start) out[out.length - 1] = { ...before, end: s.end, rule: 'org-session' };
    else out.push({ ...s, start: /届$/.test(session.text) ? session.start : s.start, rule: /届$/.test(session.text) ? 'org-session' : s.rule });
  }
  return out;
}

/** The index of the unit that ends at `end` (units are in text order), or -1. */
export function unitEndingAt(us: Unit[], end: number): number {
  let lo = 0;
  let hi = us.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = us[mid]!.end;
    if (e === end) return mid;
    if (e < end) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Township names in their short form right before 办事处 (梧桐|办事处): a street office is named by its
 * street, though the short form alone is an ordinary word (梧桐, a tree) and no place unit.
 */
function streetOfficeNames(us: Unit[]): Set<string> {
  const names = new Set<string>();
  for (let i = 1; i < us.length; i++) {
    if (us[i]!.text !== '办事处') continue;
    const name = us[i - 1]!.text;
    if (name.length >= 2 && (gazetteer().byName.get(name) ?? []).some((d) => d.level === 'township')) names.add(name);
  }
  return names;
}

/**
 * Stems of the zones and districts the text names (高新 of 高新区): inside an organization name such a
 * stem is the place (高新|智慧|运营|集团 is the 高新区's company), though jieba tags it an adverb.
 */
function placeStems(us: Unit[]): Set<string> {
  const stems = new Set<string>();
  for (const u of us) if (u.place && u.text.length >= 3 && /[区县]$/.test(u.text)) stems.add(u.text.slice(0, -1));
  return stems;
}
