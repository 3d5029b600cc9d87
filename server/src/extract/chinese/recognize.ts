import type { Span } from './span.ts';
import { units, type Unit } from './units.ts';
import { findPersons } from './persons.ts';
import { endsInCentralSense, findOrganizations } from './organizations.ts';
import { findProjects } from './projects.ts';
import { findPlaces } from './places.ts';
import { SURNAMES, WEAK_ORG_SUFFIXES } from './cues.ts';
import { defaultTagger, type Decoded, type Tagger } from '../learn/model.ts';
import { endsConjoinedRemit, joinCutNames } from './join-names.ts';
import { withoutSetPhraseFragments } from './set-phrases.ts';
import { balanceMarks } from './brackets.ts';

// Margins in the tagger's score units (`Tagger.decode` → cost: score lost by the best path that has
// exactly that span). Chosen on the held-out last 15 % of PD-dev, never on MSRA.
/** A rule span the tagger did not choose stands if it costs less than this (+0.2 F1 on held-out PD). */
const RULE_MARGIN = 16;
/** A rule organization's wider left edge over the tagger's (新型|城镇化工作领导小组): neutral on held-out PD. */
const WIDEN_MARGIN = 80;
/**
 * A rule span in an enumeration next to a kept span of its type (国土规划住建局、财政金融局、城市管理局):
 * −0.15 on held-out PD, kept for the sample page (财政金融局 costs 182 under the current model; 150 suited the
 * previous, larger one).
 */
const ENUM_MARGIN = 200;
/**
 * Rules whose context is itself strong evidence (a name right after a department in a list of who
 * attended: 总法办郑水泉，): their spans stand below the enumeration margin, like list items.
 */
const STRONG_CONTEXT_RULES = new Set(['office-name']);
/** Organization heads that alone name no particular body; the tagger's spans of just these are dropped. */
const BARE_HEADS = new Set([...WEAK_ORG_SUFFIXES, '办公室', '委员会', '公司', '集团', '领导小组', '工作小组']);

/** The combination's margins, overridable so `heldout.ts --sweep` can compare values on one trained model. */
export interface Margins {
  rule: number;
  widen: number;
  enumeration: number;
}
export const DEFAULT_MARGINS: Margins = { rule: RULE_MARGIN, widen: WIDEN_MARGIN, enumeration: ENUM_MARGIN };

const TYPE_RANK = { Organization: 0, Project: 1, Person: 2, Place: 3 } as const;

export interface Recognition {
  units: Unit[];
  /** Non-overlapping entity spans in text order. */
  spans: Span[];
}

/**
 * Runs the rule families over folded text and keeps a non-overlapping set of spans: spans given
 * first (the user's lexicon) win, then longer spans, then organization > project > person > place
 * (a place inside an organization name is part of it, not a separate place).
 */
export function recognizeRules(folded: string, given: Span[] = [], us: Unit[] = units(folded)): Recognition {
  const persons = findPersons(folded, us);
  const blocked = new Uint8Array(us.length);
  markUnits(us, [...given, ...persons], blocked);
  const orgs = findOrganizations(us, blocked);
  const projects = findProjects(folded, us);
  const places = findPlaces(us);
  const candidates = [...orgs, ...projects, ...persons, ...places];
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || TYPE_RANK[a.type] - TYPE_RANK[b.type] || a.start - b.start);
  const taken = new Uint8Array(folded.length);
  const kept: Span[] = [];
  for (const s of given) takeIfFree(s, taken, kept);
  for (const s of candidates) takeIfFree(s, taken, kept);
  kept.sort((a, b) => a.start - b.start);
  return { units: us, spans: kept };
}

// The helpers below are module functions, not closures made per article: under tsx (esbuild's
// keepNames) every named closure costs an Object.defineProperty each time it is made.

/** Whether no character of s is taken yet. */
function isFree(s: Span, taken: Uint8Array): boolean {
  for (let k = s.start; k < s.end; k++) if (taken[k]) return false;
  return true;
}

/** Keeps s and marks its characters taken, unless one of them already is. */
function takeIfFree(s: Span, taken: Uint8Array, kept: Span[]): void {
  if (!isFree(s, taken)) return;
  taken.fill(1, s.start, s.end);
  kept.push(s);
}

/**
 * The final spans: the user's lexicon first, then the rules' projects (the tagger knows no projects),
 * then the learned tagger's persons, places and organizations (it reads the rules' verdicts as
 * features and corrects them), then rule spans where the tagger has nothing and finds them close to
 * its best reading. Without a model file (or with GUANXI_NER_RULES_ONLY=1), the rules alone.
 */
export function recognize(folded: string, given: Span[] = [], tagger: Tagger | null = defaultTagger(), margins: Margins = DEFAULT_MARGINS): Recognition {
  return combineWithTagger(folded, given, recognizeRules(folded, given), tagger, margins);
}

/** The final spans from the rules' recognition and the tagger's reading (see `recognize`). */
export function combineWithTagger(folded: string, given: Span[], rules: Recognition, tagger: Tagger | null = defaultTagger(), margins: Margins = DEFAULT_MARGINS): Recognition {
  return combineManyWithTagger([{ folded, given, rules }], tagger, margins)[0]!;
}

/**
 * Texts' buffers a batch of tagging holds at most (about 400 bytes a character in the tagger's
 * memory, which never shrinks): a longer batch is tagged in parts.
 */
const BATCH_CHARS = 1 << 16;

/**
 * `combineWithTagger` for several texts: the tagger decodes them together (`Tagger.decodeMany`,
 * stage by stage), in parts of at most BATCH_CHARS characters, each part combined before the next
 * is decoded (its costs read the tagger's buffers).
 */
export function combineManyWithTagger(texts: Array<{ folded: string; given: Span[]; rules: Recognition }>, tagger: Tagger | null = defaultTagger(), margins: Margins = DEFAULT_MARGINS): Recognition[] {
  if (!tagger) return texts.map(({ folded, rules }) => ({ units: rules.units, spans: joinCutNames(folded, withoutSetPhraseFragments(folded, rules.spans), rules.units) }));
  const out: Recognition[] = [];
  for (let from = 0; from < texts.length; ) {
    let to = from + 1;
    for (let chars = texts[from]!.folded.length; to < texts.length && chars + texts[to]!.folded.length <= BATCH_CHARS; to++) chars += texts[to]!.folded.length;
    const part = texts.slice(from, to);
    const decoded = tagger.decodeMany(part.map((t) => ({ text: t.folded, units: t.rules.units, rules: t.rules.spans })));
    part.forEach((t, k) => out.push(combineDecoded(t.folded, t.given, t.rules, decoded[k]!, margins)));
    from = to;
  }
  return out;
}

/** The combination itself, given the tagger's reading of the text. */
function combineDecoded(folded: string, given: Span[], rules: Recognition, { spans: model, cost }: Decoded, margins: Margins): Recognition {
  const taken = new Uint8Array(folded.length);
  const kept: Span[] = [];
  for (const s of given) takeIfFree(s, taken, kept);
  for (const s of rules.spans) if (s.type === 'Project' && !readAsBody(s, model)) takeIfFree(s, taken, kept);
  // A rule organization that ends where the tagger's does but starts further left (新型|城镇化工作领导小组)
  // keeps the rule's left edge when the tagger finds it close enough.
  const widened = model.map((m) => {
    if (m.type !== 'Organization') return m;
    const r = rules.spans.find((s) => s.type === 'Organization' && s.end === m.end && s.start < m.start);
    return r && (cost(r) < margins.widen || (cost(r) < margins.enumeration && listNeighbour(folded, r, model))) ? r : m;
  });
  // A bare head (办公室, 委员会) names no particular body; a list item is of its neighbours' kind.
  for (const w of widened) {
    const s = abbreviatedPlace(w, rules.units) ?? w;
    if (s.type === 'Organization' && BARE_HEADS.has(folded.slice(s.start, s.end))) continue;
    if (s.type === 'Person' && (listedWithVerbs(folded, s, rules.units) || quotedCoinage(folded, s))) continue;
    // The same for a place no rule reads, alone in a short quote or part of it (郑州“西美”发展, read as
    // 西美 or as 西 + 美 by taggers trained on MSRA): a quoted coinage.
    if (s.type === 'Place' && insideShortQuote(folded, s) && !rules.spans.some((r) => r.type === 'Place' && r.start === s.start && r.end === s.end)) continue;
    if (s.type === 'Organization' && endsInCentralSense(folded, s, rules.units)) continue;
    // A one-character place opening a name that stands right after an office (总法办|郑|水泉) is the
    // name's surname, not an abbreviation of 郑州.
    if (s.type === 'Place' && s.end - s.start === 1 && opensOfficeName(s, rules.spans)) continue;
    // A chain of places with no head (商丘市梁园区) names no body: the places it is made of stand.
    const chain = s.type === 'Organization' ? placeChain(s, rules.spans) : undefined;
    if (chain) for (const p of chain) takeIfFree(p, taken, kept);
    else takeIfFree(s, taken, kept);
  }
  // Where the tagger reads nothing, a rule span stands if the tagger finds it nearly as likely, or if
  // it sits in an enumeration (、) next to a span of the same type.
  // Repeated while it keeps spans: a kept item vouches for its neighbour in the list, and that one for
  // the next (国土规划住建局、财政金融局、城市管理局 — the tagger reads only the last).
  // Each span's cost is computed once: later passes only look for new neighbours.
  // A gazetteer place that opens bodies the text names (高新区 of 高新区管委会, 高新区党工委) is a place where it
  // stands alone too, in the same text: one sense per discourse, which the tagger, reading characters, cannot see.
  const bodies = kept.filter((k) => k.type === 'Organization').map((k) => folded.slice(k.start, k.end));
  const waiting = rules.spans
    .filter((s) => s.type !== 'Project' && s.rule !== 'lexicon' && isFree(s, taken))
    .map((s) => ({ s, c: cost(s), margin: marginOf(folded, s, rules.units, bodies, margins) }));
  for (let more = true; more; ) {
    more = false;
    for (let k = 0; k < waiting.length; k++) {
      const { s, c, margin } = waiting[k]!;
      if (!isFree(s, taken)) continue;
      if (c < margin || (c < margins.enumeration && listNeighbour(folded, s, kept))) {
        takeIfFree(s, taken, kept);
        waiting.splice(k--, 1);
        more = true;
      }
    }
  }
  kept.sort((a, b) => a.start - b.start);
  return { units: rules.units, spans: balanceMarks(folded, joinCutNames(folded, withoutSetPhraseFragments(folded, withoutMixedPairs(kept)), rules.units)) };
}

/**
 * A name with a project's head that the tagger reads, exactly, as an organization is one (全球环境基金,
 * 非洲发展基金: a fund is also a body); policy documents in 《》 stay projects.
 */
function readAsBody(p: Span, model: Span[]): boolean {
  if (p.rule === 'document') return false;
  return model.some((m) => m.type === 'Organization' && m.start === p.start && m.end === p.end);
}

/** The cost below which a waiting rule span stands (see `combineWithTagger`). */
function marginOf(text: string, s: Span, us: Unit[], bodies: string[], margins: Margins): number {
  if (s.type === 'Place' && s.rule === 'gazetteer') {
    const name = text.slice(s.start, s.end);
    if (bodies.some((b) => b.length > name.length && b.startsWith(name))) return Infinity;
  }
  return STRONG_CONTEXT_RULES.has(s.rule) || endsConjoinedRemit(text, s, us) ? margins.enumeration : margins.rule;
}

/**
 * A one-character person that jieba's dictionary reads as a place word (来郑结对帮扶: 郑 for 郑州) is that
 * place's abbreviation: one-character given names stand alone rarely, place abbreviations often.
 */
function abbreviatedPlace(s: Span, us: Unit[]): Span | undefined {
  if (s.type !== 'Person' || s.end - s.start !== 1) return undefined;
  const u = us.find((x) => x.start === s.start);
  return u && u.end === s.end && u.tag === 'ns' ? { ...s, type: 'Place', rule: 'abbreviated-place' } : undefined;
}

/**
 * Two one-character spans side by side are a pair of abbreviations (中美, 江李) and share a type;
 * a person glued to a place (郑州“西美”发展 read as 西 + 美) is a misreading of one word, so both go
 * (unless the user's lexicon says so).
 */
function withoutMixedPairs(spans: Span[]): Span[] {
  return spans.filter((s, i) => s.rule === 'lexicon' || (!isMixedPair(spans[i - 1], s) && !isMixedPair(s, spans[i + 1])));
}

const isSingle = (s: Span | undefined): s is Span => s !== undefined && s.end - s.start === 1;

/** Two one-character spans side by side, of different types, one of them a person. */
function isMixedPair(a: Span | undefined, b: Span | undefined): boolean {
  return isSingle(a) && isSingle(b) && a.end === b.start && a.type !== b.type && (a.type === 'Person' || b.type === 'Person');
}

/** Marks units covered by any span, so later rules do not extend over them. */
function markUnits(us: Unit[], spans: Span[], marks: Uint8Array): void {
  if (spans.length === 0) return;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let s = 0;
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    while (s < sorted.length && sorted[s]!.end <= u.start) s++;
    const span = sorted[s];
    if (span && span.start < u.end && span.end > u.start) marks[i] = 1;
  }
}

const VERB_TAGS = new Set(['v', 'vn', 'vd', 'a', 'ad', 'an']);
const isVerb = (u: Unit | undefined) => u !== undefined && VERB_TAGS.has(u.tag);

/**
 * Is s an item of a 、 list whose neighbouring item is a verb or adjective (共治、共建、共享)? Items of
 * a list are alike, and names are not listed with verbs.
 */
function listedWithVerbs(text: string, s: Span, units: Unit[]): boolean {
  const after = text[s.end] === '、' ? units.find((u) => u.start === s.end + 1) : undefined;
  const before = text[s.start - 1] === '、' ? units.find((u) => u.end === s.start - 1) : undefined;
  return isVerb(after) || isVerb(before);
}

const QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"' };

/**
 * Is s a person that fills a pair of quotes and does not start with a surname (郑州“西美”发展: a
 * coined word)? Quoted nicknames start with one (“苗苗”).
 */
function quotedCoinage(text: string, s: Span): boolean {
  const close = QUOTES[text[s.start - 1] ?? ''];
  return close !== undefined && text[s.end] === close && s.end - s.start <= 3 && !SURNAMES.has(text[s.start]!);
}

/** Does a rule person read after an office (STRONG_CONTEXT_RULES) start at s and run past it? */
function opensOfficeName(s: Span, ruleSpans: Span[]): boolean {
  return ruleSpans.some((r) => r.type === 'Person' && STRONG_CONTEXT_RULES.has(r.rule) && r.start === s.start && r.end > s.end);
}

/** The rule places that tile s end to end, if there are two or more of them. */
function placeChain(s: Span, ruleSpans: Span[]): Span[] | undefined {
  const chain: Span[] = [];
  for (let at = s.start; at < s.end; ) {
    const next = ruleSpans.find((r) => r.type === 'Place' && r.start === at && r.end <= s.end);
    if (!next) return undefined;
    chain.push(next);
    at = next.end;
  }
  return chain.length >= 2 ? chain : undefined;
}

/** Does s lie within a pair of quotes holding at most three characters (“西美”)? */
function insideShortQuote(text: string, s: Span): boolean {
  for (let open = s.start - 1; open >= Math.max(0, s.end - 4); open--) {
    const close = QUOTES[text[open]!];
    if (close === undefined) continue;
    return text.slice(s.end, open + 5).includes(close);
  }
  return false;
}

/** Is there a span of s's type next to it in a list, across a 、? */
function listNeighbour(text: string, s: Span, spans: Span[]): boolean {
  const before = text[s.start - 1] === '、' && spans.some((k) => k.end === s.start - 1 && k.type === s.type);
  return before || (text[s.end] === '、' && spans.some((k) => k.start === s.end + 1 && k.type === s.type));
}
