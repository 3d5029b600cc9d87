import type { Span } from './span.ts';
import type { Unit } from './units.ts';
import {
  AMBIGUOUS_SURNAMES, COMMON_WORD_STOPS, COMPOUND_SURNAMES, COMPOUND_SURNAME_FIRSTS, GIVEN_NAME_CHARS, PERSON_SUFFIX_WORDS, SURNAME_CHARS, TITLES, TITLE_SUFFIXES, TRANSLIT_CHARS,
  isMarked, isPersonSuffixWord, isTitle, longestSuffix, marksOf, words,
} from './cues.ts';
import { dictEntry } from './tokens.ts';

const PLACE_END = /[省市县区乡镇村州路街山江河湖氏族家人]$/;
// Words that, right after a name, show it is a person acting or speaking.
const PERSON_FOLLOWERS = new Set(['说', '表示', '指出', '认为', '强调', '介绍', '主持', '会见', '出席', '参加', '讲话', '致辞', '告诉', '要求', '同志', '等', '一行', '在', '和', '与', '向', '对', '就', '的', '是', '为', '率', '陪同', '宣读', '传达', '报道', '今天', '昨天', '已', '还', '也', '曾', '则', '便', '就是']);
const VERBISH = words('v vn vd p c d u uj ul r f m q');

/** Length of the surname at the start of s: 2 for 欧阳, 1 for 王, 0 if none. */
export function surnameLength(s: string): number {
  const first = s.charCodeAt(0);
  if (s.length >= 3 && isMarked(COMPOUND_SURNAME_FIRSTS, first) && COMPOUND_SURNAMES.has(s.slice(0, 2))) return 2;
  return isMarked(SURNAME_CHARS, first) ? 1 : 0;
}

/** Does s have the shape of a Chinese personal name (surname + one or two given-name characters)? */
export function isChineseNameShape(s: string): boolean {
  const sl = surnameLength(s);
  if (!sl) return false;
  const given = s.length - sl;
  if (given < 1 || given > 2) return false;
  if (PLACE_END.test(s) || COMMON_WORD_STOPS.has(s)) return false;
  const rest = s.slice(sl);
  if (TITLES.has(rest) || PERSON_SUFFIX_WORDS.has(rest)) return false;
  for (let i = sl; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

function isTransliteration(s: string): boolean {
  if (s.length < 2) return false;
  for (let i = 0; i < s.length; i++) if (!isMarked(TRANSLIT_MARKS, s.charCodeAt(i))) return false;
  return true;
}

/** A word the dictionary knows as something other than a name (红军, 海波 are fine as given names). */
function isCommonWord(s: string): boolean {
  const e = dictEntry(s);
  return !!e && !e.tag.startsWith('nr') && e.freq > 50;
}

/**
 * Persons among the units. Signals: jieba's name tags checked against name shape; HMM-found unknown
 * words shaped like names (李兴东); names split by jieba (张|红军) when a title or enumeration is next
 * to them; transliterated foreign names. Returns non-overlapping spans in order.
 */
export function findPersons(text: string, us: Unit[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    if (u.place) continue;
    const t = u.text;
    // Only names start with a CJK character (transliterations included); most units are skipped here.
    const c = t.charCodeAt(0);
    if (c < 0x3400 || c > 0x9fff) continue;
    const prev = us[i - 1];
    const next = us[i + 1];
    const afterTitle = !!prev && endsWithTitle(prev.text);
    const titleNext = !!next && (isTitle(next.text) || isPersonSuffixWord(next.text));
    const beforeCue = !!next && (titleNext || PERSON_FOLLOWERS.has(next.text) || next.text === '、' || next.text === '，' || next.text === ',');
    // 0. A dictionary word made of a name and a common noun (邓小平理论, 毛泽东思想).
    if (t.length >= 4 && (u.tag === 'nr' || u.tag === 'nz' || u.tag === 'n')) {
      const head = nameCompoundHead(t);
      if (head) {
        spans.push({ start: u.start, end: u.start + head, type: 'Person', rule: 'name-compound' });
        continue;
      }
    }
    // 1. Dictionary or HMM word shaped like a name.
    if (NAME_TAGS.has(u.tag) && isChineseNameShape(t) && noFunctionChars(t)) {
      // Next to a title (书记汪某, 汪某教授) any name-shaped word is a name, whatever jieba tagged it.
      const byContext = afterTitle || titleNext;
      // Without a title: jieba's own name words, or unknown words with given-name characters.
      const byShape = (u.tag === 'nr' || u.tag === 'nrfg' || u.tag === 'x' || (u.tag === 't' && t.length === 3)) && plausibleGiven(t, u.tag);
      const ambiguous = t.length === 2 && (isMarked(AMBIGUOUS_SURNAME_MARKS, c) || u.tag !== 'x');
      if (byContext || (byShape && (!ambiguous || (beforeCue && next!.text !== '的')))) {
        // jieba sometimes cuts the last given character off (汪明|新): take it back when it fits.
        const extra = us[i + 1];
        if (t.length === 2 && u.tag === 'x' && extra && extra.text.length === 1 && GIVEN_NAME_CHARS.has(extra.text) && !VERBISH.has(extra.tag) && (us[i + 2]?.text.length ?? 2) >= 2) {
          spans.push({ start: u.start, end: extra.end, type: 'Person', rule: 'name-shape' });
          i++;
          continue;
        }
        spans.push({ start: u.start, end: u.end, type: 'Person', rule: 'name-shape' });
        continue;
      }
    }
    // 2. Transliterated foreign names.
    if ((u.tag === 'nrt' || ((u.tag === 'x' || u.tag === 'nr' || ((u.tag === 'ns' || u.tag === 'nz') && (afterTitle || titleNext))) && isTransliteration(t))) && t.length >= 2 && !COMMON_WORD_STOPS.has(t)) {
      if (t.length >= 3 || afterTitle || beforeCue) {
        // Join 叶利钦 · 某 style multi-part names.
        let end = u.end;
        let k = i;
        while (us[k + 1]?.text === '·' && us[k + 2] && isTransliteration(us[k + 2]!.text)) {
          end = us[k + 2]!.end;
          k += 2;
        }
        spans.push({ start: u.start, end, type: 'Person', rule: 'transliteration' });
        i = k;
        continue;
      }
    }
    // 2b. A three-character name word with an uncommon surname (果永毅), from jieba's dictionary.
    if (u.tag === 'nr' && t.length === 3 && noFunctionChars(t) && (beforeCue || afterTitle) && !COMMON_WORD_STOPS.has(t) && !isCommonWord(t.slice(1))) {
      spans.push({ start: u.start, end: u.end, type: 'Person', rule: 'name-word' });
      continue;
    }
    // 2c. A surname alone standing for the person, before a title or form of address (李|局长, 陈小姐,
    //     毛主席): the person is the surname.
    const lone = t.length <= 4 && loneSurnameBefore(t, next);
    if (lone) {
      spans.push({ start: u.start, end: u.start + 1, type: 'Person', rule: 'surname-title' });
      continue;
    }
    // 3. A name jieba split (张|红军, 吕|海波, 王|凯|胜): surname unit followed by one or two
    //    given-name characters that end on a unit boundary, next to a title or enumeration.
    const sl = surnameLength(t);
    // A surname that is also a function word and read as one (局长|和|张先生, 都|来|了) starts no name.
    if (sl && t.length === sl && next && !(VERBISH.has(u.tag) && AMBIGUOUS_SURNAMES.has(t))) {
      const officeBefore = !!prev && prev.text.length >= 2 && OFFICE_END.test(prev.text);
      const joined = joinGiven(us, i, officeBefore);
      if (joined) {
        const [end, k] = joined;
        const name = text.slice(u.start, end);
        const follow = us[k + 1];
        // In a list of who attended, a department's name stands where a title would (总法办郑水泉，).
        const afterOffice = officeBefore && !!follow && /^[、，,]/.test(follow.text);
        const cue = afterTitle || !follow || isTitle(follow.text) || isPersonSuffixWord(follow.text) || PERSON_FOLLOWERS.has(follow.text) || /^[、，,。；：:]/.test(follow.text);
        if ((afterTitle || afterOffice) && cue && isChineseNameShape(name) && !isCommonWord(name)) {
          spans.push({ start: u.start, end, type: 'Person', rule: afterTitle ? 'split-name' : 'office-name' });
          i = k;
          continue;
        }
      }
    }
  }
  return spans;
}

/**
 * The length of a name at the start of a dictionary word made of a name and a common noun (邓小平理论:
 * 3), or 0: a dictionary name of three characters, else of two, followed by one of these tails.
 */
function nameCompoundHead(t: string): number {
  for (let n = 3; n >= 2; n--) {
    const h = t.slice(0, n);
    if (dictEntry(h)?.tag === 'nr' && isChineseNameShape(h) && NAME_COMPOUND_TAIL.has(t.slice(n))) return n;
  }
  return 0;
}

const NAME_COMPOUND_TAIL = words('理论 思想 主义 同志 先生 女士 总理 主席 副主席 总书记 委员长 故居 纪念馆 诞辰 生前 夫人');
// Characters that do not occur in given names: particles, measure words, pronouns, verbs of grammar.
const NON_NAME_MARKS = marksOf('的了着过个棵们是在不出得这那把被就都也还又很最更应该会能可要说到去给让从向对为与和或而但却所其此某每些么吗呢吧啊呀头性化式率度类型种件份条张只次回');
// The same character lists as marks: these helpers read every character of many units.
const GIVEN_NAME_MARKS = marksOf(GIVEN_NAME_CHARS);
const AMBIGUOUS_SURNAME_MARKS = marksOf(AMBIGUOUS_SURNAMES);
const TRANSLIT_MARKS = marksOf([...TRANSLIT_CHARS, '·', '-']);

// Ends of department names (办公室, 总法办, 财政局, 宣传部): a name right after one is its member.
const OFFICE_END = /(办|办公室|局|部|处|科|室|厅|委|中心)$/;

const NAME_TAGS = words('nr nrfg x t nz ns n nrt ng');

// Surnames that are as often a word of their own before a title (原局长: the former director; 代市长).
const NOT_LONE_SURNAME = new Set([...AMBIGUOUS_SURNAMES, ...'代前现新老副正总']);

/**
 * Is t a lone surname before a title or form of address — as its own unit (李|局长, 李|副局长) or
 * glued to it (陈小姐, 毛主席)?
 */
function loneSurnameBefore(t: string, next: Unit | undefined): boolean {
  if (!isMarked(SURNAME_CHARS, t.charCodeAt(0)) || NOT_LONE_SURNAME.has(t[0]!)) return false;
  const rest = t.length === 1 ? (next?.text ?? '') : t.slice(1);
  const title = rest.startsWith('副') ? rest.slice(1) : rest;
  if (TITLES.has(title)) return true;
  // Glued into one word, surname + 总 is more often a word of its own (高总, 林总 of 森林总…) than an address.
  return PERSON_SUFFIX_WORDS.has(rest) && (t.length === 1 || rest !== '总');
}

/** Does s end with a title of two to five characters? */
function endsWithTitle(s: string): boolean {
  return longestSuffix(TITLE_SUFFIXES, s, 5) >= 2;
}

function noFunctionChars(name: string): boolean {
  for (let i = surnameLength(name); i < name.length; i++) if (isMarked(NON_NAME_MARKS, name.charCodeAt(i))) return false;
  return true;
}

/** HMM-found words need believable given-name characters (李兴东 yes, 那棵花 no). */
function plausibleGiven(name: string, tag: string): boolean {
  const given = name.slice(surnameLength(name));
  for (let i = 0; i < given.length; i++) if (isMarked(NON_NAME_MARKS, given.charCodeAt(i))) return false;
  // 高|水平, 雷|阵雨: a surname before an ordinary word is not a name without a title next to it.
  const e = dictEntry(given);
  if (e && !e.tag.startsWith('nr') && e.freq > (tag === 'x' ? 30 : 300)) return false;
  if (tag !== 'x') return true;
  for (let i = 0; i < given.length; i++) if (isMarked(GIVEN_NAME_MARKS, given.charCodeAt(i))) return true;
  return false;
}

/**
 * End offset and last unit index of one or two given-name characters after a surname unit. `lenient`
 * (a strong cue before the surname) also accepts a rare word as the given name (郑|水泉).
 */
function joinGiven(us: Unit[], i: number, lenient = false): [number, number] | undefined {
  const a = us[i + 1];
  if (!a || a.text.length > 2 || VERBISH.has(a.tag) && a.text.length === 2) return undefined;
  if (a.text.length === 2) {
    const givenChars = isMarked(GIVEN_NAME_MARKS, a.text.charCodeAt(0)) || isMarked(GIVEN_NAME_MARKS, a.text.charCodeAt(1));
    return givenChars || (lenient && (dictEntry(a.text)?.freq ?? 0) < 50) ? [a.end, i + 1] : undefined;
  }
  const b = us[i + 2];
  if (b && b.text.length === 1 && /[\u4e00-\u9fff]/.test(b.text) && !TITLES.has(b.text) && !PERSON_FOLLOWERS.has(b.text)) return [b.end, i + 2];
  return [a.end, i + 1];
}
