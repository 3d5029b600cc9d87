import type { ExtractedEntity, ExtractedRelation, Sentence } from '@guanxi/shared';
import type { Span } from './span.ts';
import { TITLES, TITLE_SUFFIXES, longestSuffix } from './cues.ts';
import { sentenceAt } from '../text/sentences.ts';

// A title phrase between an organization and a person: 副书记, 常务副主任, 副组长兼办公室主任.
const TITLE_PHRASE = /^[\u4e00-\u9fff]{1,14}$/;

export interface PositionInput {
  folded: string;
  spans: Span[];
  /** Canonical "Type:name" of each span, parallel to spans. */
  canonical: string[];
  entities: Map<string, ExtractedEntity>;
  sentences: Sentence[];
  sentenceText: (i: number) => string;
  date?: string;
}

/** The title a phrase ends with, or undefined: 乡长 of 乡长, 常务副主任 of 常务副主任. */
export function titleOf(phrase: string): string | undefined {
  if (!TITLE_PHRASE.test(phrase)) return undefined;
  // The longest title the phrase ends with, read from its end in a suffix trie (a scan of every title
  // with endsWith cost a fifth of extraction once every name was checked for a title next to it).
  const n = longestSuffix(TITLE_SUFFIXES, phrase);
  return n > 0 ? phrase.slice(phrase.length - n) : undefined;
}

/**
 * HOLDS_POSITION from "organization-or-place + title + person": 卢氏县委副书记李兴东,
 * 徐家湾乡乡长吕海波. Walks left from each person over an enumeration of posts joined by 、 or ，
 * (高新区党工委书记、管委会主任王新亭 gives two positions). The title is the text between the
 * organization and the person (or the next post's separator).
 */
export function findPositions(input: PositionInput): ExtractedRelation[] {
  const { folded, spans, canonical, sentences, sentenceText } = input;
  const out: ExtractedRelation[] = [];
  for (let pi = 0; pi < spans.length; pi++) {
    const p = spans[pi]!;
    if (p.type !== 'Person') continue;
    const sentence = sentenceAt(sentences, p.start);
    const person = canonical[pi]!.slice('Person:'.length);
    let right = p.start;
    for (let k = pi - 1; k >= 0; k--) {
      const org = spans[k]!;
      if (org.type !== 'Organization' && org.type !== 'Place') break;
      if (sentenceAt(sentences, org.start) !== sentence) break;
      let gap = folded.slice(org.end, right);
      const separated = k < pi - 1;
      if (separated) {
        if (!/[、，,]$/.test(gap)) break;
        gap = gap.slice(0, -1);
      }
      const title = titleOf(gap);
      if (!title) break;
      const [toType, to] = splitCanonical(canonical[k]!);
      out.push({ type: 'HOLDS_POSITION', from: person, fromType: 'Person', to, toType, title: gap, evidence: sentenceText(sentence), ...(input.date ? { asOf: input.date } : {}) });
      right = org.start;
    }
  }
  return out;
}

function splitCanonical(c: string): ['Organization' | 'Place', string] {
  const i = c.indexOf(':');
  return [c.slice(0, i) as 'Organization' | 'Place', c.slice(i + 1)];
}

// Titles that name a post wherever they stand next to a name (not 代表, 委员, 记者: words of other uses).
const POST = /(?:书记|主任|主席|总理|经理|总裁|总监|董事长|[^家成生专队]长)$/;
// Posts of the country's leaders, not of a body the article names.
const NATIONAL = /^(?:总书记|国家主席|主席|总理|副总理)$/;
// What kind of body each post heads, by the end of its title; level posts (市长, 乡长) head a place of that level.
const HEADS: Array<[RegExp, RegExp]> = [
  [/(?:董事长|总经理|经理|总裁|总监|董事)$/, /(?:公司|集团|控股|银行|企业|厂)$/],
  [/书记$/, /(?:委|党委|党工委|党组|支部|总支)$/],
  [/局长$/, /局$/], [/厅长$/, /厅$/], [/院长$/, /院$/], [/校长$/, /(?:学校|大学|学院|中学|小学)$/], [/行长$/, /银行$/],
  [/会长$/, /会$/], [/所长$/, /所$/], [/部长$/, /部$/], [/社长$/, /社$/], [/馆长$/, /馆$/], [/站长$/, /站$/], [/厂长$/, /厂$/],
  [/主任$/, /(?:委员会|管委会|办公室|中心|委|办)$/], [/主席$/, /(?:会|政协|委员会)$/],
];
const TITLE_BEFORE = /(?:常务)?(?:副)?[\u4e00-\u9fff]{1,4}$/;

/**
 * HOLDS_POSITION from a title right before or after a name with no body between (市长张海峰,
 * 董事长陈立华, 张海峰市长): the body is the nearest one of the title's kind in the sentence (before the
 * name first), else in the sentence before (for a level post, anywhere earlier in the article) — a place of the level for 市长/乡长, a
 * company for 董事长, a bureau for 局长. A person whose post findPositions already read is left alone.
 */
export function findTitledPositions(input: PositionInput, already: ExtractedRelation[]): ExtractedRelation[] {
  const { folded, spans, canonical, sentences, sentenceText } = input;
  const out: ExtractedRelation[] = [];
  const placed = new Set(already.filter((r) => r.type === 'HOLDS_POSITION').map((r) => r.from));
  for (let pi = 0; pi < spans.length; pi++) {
    const p = spans[pi]!;
    if (p.type !== 'Person') continue;
    const person = canonical[pi]!.slice('Person:'.length);
    if (placed.has(person)) continue;
    const title = titleBefore(folded, p, spans[pi - 1]) ?? titleAfter(folded, p, spans[pi + 1]);
    if (!title || NATIONAL.test(title)) continue;
    const sentence = sentenceAt(sentences, p.start);
    const body = bodyFor(title, pi, input, sentence);
    if (body === undefined) continue;
    const [toType, to] = splitCanonical(canonical[body]!);
    out.push({ type: 'HOLDS_POSITION', from: person, fromType: 'Person', to, toType, title, evidence: sentenceText(sentence), ...(input.date ? { asOf: input.date } : {}) });
  }
  return out;
}

/** The post right before a name that no span ends at (市长|张海峰, but not 卢氏县委副书记|李兴东). */
function titleBefore(text: string, p: Span, prev: Span | undefined): string | undefined {
  const m = TITLE_BEFORE.exec(text.slice(Math.max(0, p.start - 7), p.start));
  if (!m) return undefined;
  for (let n = Math.min(m[0].length, 7); n >= 2; n--) {
    const t = text.slice(p.start - n, p.start);
    if (titleOf(t) !== t || !POST.test(t)) continue;
    // A body or place right before the title: the organization pattern's, not this one's.
    if (prev && prev.end === p.start - n) return undefined;
    return t;
  }
  return undefined;
}

/** The post right after a name (张海峰|市长), not glued to a word that goes on (市长热线). */
function titleAfter(text: string, p: Span, next: Span | undefined): string | undefined {
  for (let n = 7; n >= 2; n--) {
    const t = text.slice(p.end, p.end + n);
    if (t.length < n || titleOf(t) !== t || !POST.test(t) || !TITLES_SET_HAS(t)) continue;
    if (next && next.start < p.end + n) return undefined;
    return t;
  }
  return undefined;
}

const TITLES_SET_HAS = (t: string) => TITLES.has(t.replace(/^(?:常务)?副/, '')) || TITLES.has(t);

/** The span index of the body a post belongs to, by the title's kind: the sentence first, then earlier sentences. */
function bodyFor(title: string, pi: number, input: PositionInput, sentence: number): number | undefined {
  const { spans, canonical, sentences } = input;
  const base = title.replace(/^(?:常务)?副/, '');
  const level = /^([省市县区乡镇村州])长$/.exec(base)?.[1];
  const fits = (k: number): boolean => {
    const c = canonical[k]!;
    const name = c.slice(c.indexOf(':') + 1);
    // 市长 heads the city, or its government when only that is named (洛阳市人民政府).
    if (level) return c.startsWith('Place:') ? name.endsWith(level) : new RegExp(`${level}(?:人民)?政府$`).test(name);
    if (!c.startsWith('Organization:')) return false;
    return HEADS.some(([t, h]) => t.test(base) && h.test(name));
  };
  const inSentence = (k: number) => sentenceAt(sentences, spans[k]!.start) === sentence;
  for (let k = pi - 1; k >= 0 && inSentence(k); k--) if (fits(k)) return k;
  for (let k = pi + 1; k < spans.length && inSentence(k); k++) if (fits(k)) return k;
  // Then the sentence before (…与郑州朗悦集团签约。董事长陈立华致辞); a level post (市长 of the city the
  // article is about) looks back through the whole article.
  for (let k = pi - 1; k >= 0 && pi - k < 300 && (level || sentenceAt(sentences, spans[k]!.start) >= sentence - 1); k--) if (fits(k)) return k;
  return undefined;
}
