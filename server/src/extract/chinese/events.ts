import type { EntityType, EventType, ExtractedRelation, Sentence } from '@guanxi/shared';
import type { Span } from './span.ts';
import { titleOf } from './positions.ts';
import { sentenceAt } from '../text/sentences.ts';

/**
 * Events between entities from trigger words in sentences of government and business news:
 * 王新亭会见李兴东 (MET), 张红军到梧桐办事处调研 (VISITED), 高新区与徐家湾乡签订…协议 (SIGNED),
 * A、B、C三家集团合资成立D (FOUNDED, one edge from each), A向B捐赠 (DONATED_TO), A与B结对 (PAIRED_WITH).
 * Patterns over the resolved entity spans of one sentence (a clause up to 。；): who stands left of the
 * trigger and in which role (subject; 与 partner; 向 target; 到/在 place), who stands right of it.
 * What they cannot see is listed in docs/extraction.md.
 */

interface EventTrigger {
  word: string;
  type: EventType;
  /** 会谈, 合作: only between partners named with 与 (A与B会谈), never with an object after it. */
  symmetricOnly?: boolean;
}

const T = (type: EventType, words: string, symmetricOnly = false): EventTrigger[] => words.split(' ').map((word) => ({ word, type, symmetricOnly }));

const TRIGGERS: EventTrigger[] = [
  ...T('MET', '会见 会晤 接见 拜会'),
  ...T('MET', '会谈 座谈 见面', true),
  ...T('VISITED', '调研 考察 视察 走访 参观 检查指导'),
  ...T('SIGNED', '签约 签订 签署 签下 签了'),
  ...T('FOUNDED', '合资成立 合资设立 合资组建 共同成立 共同设立 共同组建 共同出资成立 出资成立 出资设立 投资成立 投资设立 发起成立 注册成立 创办 创立 组建 成立 设立'),
  ...T('INVESTED_IN', '投资 注资 增资 入股 参股'),
  ...T('DONATED_TO', '捐赠 捐助 捐献 捐款 捐资 捐建 捐给 捐出'),
  ...T('PAIRED_WITH', '结对帮扶 结对共建 结成对子 对口帮扶 对口支援 对口协作 结为友好城市 结为友好 结对'),
  ...T('PAIRED_WITH', '合作', true),
].sort((a, b) => b.word.length - a.word.length);

const TRIGGER_RE = new RegExp(TRIGGERS.map((t) => t.word).join('|'), 'g');
const BY_WORD = new Map(TRIGGERS.map((t) => [t.word, t]));

/** What a trigger may not be followed by: a noun use (签约仪式 is the event of the article's first clause, 成立以来 a time). */
const NOT_PREDICATE: Partial<Record<EventType, RegExp>> = {
  FOUNDED: /^(?:以来|之初|之后|大会|仪式|周年|后|时|了?(?:工作|领导|专班|专项|调查|考核|督导|检查)(?:组|小组|专班))/,
  PAIRED_WITH: /^(?:协议|框架|备忘录|意向|签约|共赢|伙伴|关系|项目|机制|模式|平台|领域|空间|交流)/,
  INVESTED_IN: /^(?:沃土|环境|热点|热土|兴业|者|人|额|规模|总额|主体|机构|公司|集团|控股|建设|项目|意向|机会|风险|理念)/,
  SIGNED: /^(?:仪式|现场|活动)/,
  VISITED: /^(?:组|团|活动|结果|报告|成果)/,
};

/** Words before an entity that give it a role other than subject. */
const PLACE_MARK = /(?:到|赴|深入|来到|前往|走进|来|在|于|去)$/;
const TARGET_MARK = /(?:向|给|为|对)$/;
const PARTNER_MARK = /(?:与|同|跟)$/;
/** What may join the members of a list: 、 and conjunctions (and nothing: the members touch). */
const JOINER = /^(?:、|和|与|及|以及|同|跟)?$/;
/** Reporting verbs: a subject before one of them speaks, it does not act in a later clause (张红军表示…吸引企业来投资). */
const REPORTING = /表示|指出|强调|认为|要求|希望|说|称|介绍|提出|听取|汇报/;
/** Words that may start a clause that continues the sentence's subject (…，并与B签约). */
const CONTINUATION = /^(?:并|还|又|也|同时|随后|此后|此外|近年来|今年|去年|先后|共同|一起|积极|已|已经|将|正式|与|同|和|跟|向|为|给|在|到|赴|深入|来到|前往)/;
/** A numbered collective (两乡镇, 三家集团) standing for the last so many entities of that kind. */
const COLLECTIVE = /([两二三四五六七八九])(?:个|家|所)?(乡镇|镇|乡|县|市|集团|公司|企业|单位)/g;
const NUMBERS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CLAUSE_BREAK = /[，,：:]/;

const PARTICIPANTS = new Set<EntityType>(['Person', 'Organization', 'Place', 'Project']);

/** The items of a list in text order (by start) that lie inside [start, end), by binary search. */
function inRange<T extends { start: number; end: number }>(items: T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < items.length && items[k]!.start < end; k++) if (items[k]!.end <= end) out.push(items[k]!);
  return out;
}

function persons(ps: Part[]): Part[] {
  return ps.filter((p) => p.type === 'Person');
}

function bodies(ps: Part[]): Part[] {
  return ps.filter((p) => p.type !== 'Person');
}

/** An entity as it takes part in an event: where it stands (with its titles) and who it is. */
interface Part {
  /** Where its phrase starts: before the titles and employers that lead up to a person. */
  head: number;
  start: number;
  end: number;
  type: EntityType;
  name: string;
  /** Filled in from a numbered collective (两乡镇): the pattern is less sure. */
  inferred?: boolean;
}

export interface EventInput {
  folded: string;
  spans: Span[];
  /** Canonical "Type:name" of each span, parallel to spans. */
  canonical: string[];
  sentences: Sentence[];
  sentenceText: (i: number) => string;
  date?: string;
}

/** The events the article's sentences state, each once per (type, from, to). */
export function findEvents(input: EventInput): ExtractedRelation[] {
  const { folded, sentences } = input;
  // One scan of the whole text for trigger words; most articles have few, and the parts are only
  // worked out when there is one.
  const hits: Array<{ at: number; word: string }> = [];
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(folded); m; m = TRIGGER_RE.exec(folded)) hits.push({ at: m.index, word: m[0] });
  if (hits.length === 0) return [];
  const parts = participants(input);
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  // Donation recipients carry over the clauses of one sentence (A向B捐赠…；C捐赠…).
  let lastRecipients: Part[] = [];
  let lastRecipientsEnd = -1;
  let si = -1;
  let s: Sentence = { start: 0, end: 0 };
  let here: Part[] = [];
  let inside: Span[] = [];
  for (const hit of hits) {
    if (si < 0 || hit.at >= s.end) {
      si = sentenceAt(sentences, hit.at);
      s = sentences[si]!;
      here = inRange(parts, s.start, s.end);
      inside = inRange(input.spans, s.start, s.end);
      // Clauses after a ； belong to the same sentence until a 。: recipients carry over, nothing else.
      if (lastRecipientsEnd >= 0 && /[。！？!?]/.test(folded.slice(lastRecipientsEnd, s.start))) lastRecipients = [];
    }
    const { at, word } = hit;
    const end = at + word.length;
    // A trigger inside a name (郑州高新投资控股集团) is part of the name.
    // (A project span that swallowed a verb, 签订战略, does not hide it.)
    if (inside.some((p) => p.type !== 'Project' && p.start < end && p.end > at)) continue;
    const trigger = BY_WORD.get(word)!;
    // What follows, as far as a noun use shows (签约|仪式, 成立|以来, 投资|环境).
    const after = folded.slice(end, Math.min(s.end, end + 8));
    if (after.startsWith('的') || NOT_PREDICATE[trigger.type]?.test(after)) continue;
    const found = eventAt(trigger, at, end, here, folded, s);
    if (trigger.type === 'DONATED_TO') {
      if (found.objects.length > 0) {
        lastRecipients = found.objects;
        lastRecipientsEnd = s.end;
      } else if (found.subjects.length > 0 && lastRecipients.length > 0) {
        found.objects = lastRecipients.map((p) => ({ ...p, inferred: true }));
        found.confidence *= 0.8;
      }
    }
    for (const [from, to] of found.pairs ?? cross(found.subjects, found.objects)) {
      if (from.name === to.name && from.type === to.type) continue;
      const key = `${trigger.type}|${from.type}:${from.name}|${to.type}:${to.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sure = found.confidence * (from.inferred || to.inferred ? 0.8 : 1);
      out.push({
        type: trigger.type, from: from.name, fromType: from.type, to: to.name, toType: to.type,
        evidence: input.sentenceText(si), trigger: word, confidence: Math.round(sure * 100) / 100,
        ...(input.date ? { date: input.date } : {}),
      });
    }
  }
  return out;
}

interface Found {
  subjects: Part[];
  objects: Part[];
  /** Set for symmetric events: each pair of sides. */
  pairs?: Array<[Part, Part]>;
  confidence: number;
}

const NONE: Found = { subjects: [], objects: [], confidence: 0 };

/** Subjects and objects of one trigger at [at, end) of sentence s. */
function eventAt(trigger: EventTrigger, at: number, end: number, sentenceParts: Part[], text: string, s: Sentence): Found {
  // Projects are what money goes into (投资建设X产业园), never who acts.
  const here = sentenceParts.filter((p) => p.type !== 'Project' || (trigger.type === 'INVESTED_IN' && p.start >= end));
  const clauseStart = lastBreak(text, s.start, at);
  const left = here.filter((p) => p.end <= at && p.head >= clauseStart);
  const roles = leftRoles(left, at, text, clauseStart);
  let subjects = roles.subjects;
  let confidence = 0.9;
  if (subjects.length === 0) {
    subjects = carriedSubject(here, clauseStart, text, s);
    if (subjects.length > 0) confidence = 0.7;
  }
  const right = rightGroup(here, end, text, s.end);
  const rightGap = right.length > 0 ? text.slice(end, right[0]!.head) : '';
  switch (trigger.type) {
    case 'MET': {
      if (roles.partners.length > 0) return { ...NONE, pairs: cross(subjects, roles.partners), confidence };
      if (trigger.symmetricOnly) return NONE;
      // 会见来郑结对帮扶的卢氏县委副书记李兴东、徐家湾乡乡长吕海波一行: the persons of the clause.
      const clausePersons = persons(here.filter((p) => p.head >= end && p.end <= clauseEnd(text, end, s.end)));
      // 会晤了来访的开封市代表团: a delegation or body after a short modifier ending in 的.
      const met = clausePersons.length > 0 ? clausePersons : /^(?:了|过)?(?:[^，。；]{1,8}的)?$/.test(rightGap) ? right : [];
      return { subjects: preferPersons(subjects), objects: met, confidence };
    }
    case 'VISITED': {
      const visitors = persons(subjects);
      // 走访慰问了X, 视察指导X: a second verb of the visit may stand between.
      const where = roles.places.length > 0 ? roles.places : /^(?:了|过)?(?:慰问|看望|指导|检查)?(?:了)?$/.test(rightGap) ? bodies(right) : [];
      return { subjects: visitors, objects: bodies(where), confidence };
    }
    case 'SIGNED':
    case 'PAIRED_WITH': {
      const sides = bodies(subjects);
      if (roles.partners.length > 0) return { ...NONE, pairs: cross(sides, bodies(roles.partners)), confidence: trigger.symmetricOnly ? confidence * 0.85 : confidence };
      if (trigger.symmetricOnly) return NONE;
      if (/^(?:了)?$/.test(rightGap) && bodies(right).length > 0) return { subjects: sides, objects: bodies(right), confidence };
      // A、B、C签约: each pair of the list.
      const listed = unique(sides);
      if (trigger.type === 'SIGNED' && listed.length >= 2) return { ...NONE, pairs: listed.flatMap((a, i) => listed.slice(i + 1).map((b): [Part, Part] => [a, b])), confidence: confidence * 0.9 };
      return NONE;
    }
    case 'FOUNDED': {
      const company = /^(?:了|出)?$/.test(rightGap) ? right.find((p) => p.type === 'Organization') : undefined;
      if (!company) return NONE;
      const founders = [...subjects, ...roles.partners].filter((p) => p.type !== 'Place' || p.inferred);
      return { subjects: founders, objects: [company], confidence };
    }
    case 'INVESTED_IN': {
      const into = roles.targets.length > 0 ? roles.targets : roles.places.length > 0 ? roles.places : INVEST_GAP.test(rightGap) ? right.slice(0, 1) : [];
      return { subjects: [...subjects, ...roles.partners], objects: into, confidence: confidence * 0.9 };
    }
    case 'DONATED_TO': {
      const gift = text.slice(end, s.end);
      const to = roles.targets.length > 0 ? roles.targets : /^[^，。；]{0,24}?给$/.test(rightGap) || /^给/.test(gift) ? bodies(right) : [];
      return { subjects: [...subjects, ...roles.partners], objects: to, confidence };
    }
  }
}

// 投资(了)(10亿元)(建设|兴建)X: the amount and the purpose may stand between the verb and what it goes into.
const INVEST_GAP = /^(?:了)?(?:[\d.]+|[一二三四五六七八九十百千万亿多余]+)*(?:万|亿)?(?:元|美元)?(?:人民币)?(?:用于|建设|兴建|新建|打造|参与)?$/;

/** Prefers the persons of a subject list (王新亭 of 高新区…王新亭), else the list. */
function preferPersons(ps: Part[]): Part[] {
  const persons = ps.filter((p) => p.type === 'Person');
  return persons.length > 0 ? persons : ps;
}

/** Where the clause of `at` starts: after the last ，：; before it in the sentence. */
function lastBreak(text: string, from: number, at: number): number {
  for (let k = at - 1; k >= from; k--) if (CLAUSE_BREAK.test(text[k]!)) return k + 1;
  return from;
}

interface LeftRoles {
  subjects: Part[];
  partners: Part[];
  targets: Part[];
  places: Part[];
}

/**
 * The entities left of a trigger in its clause, by the word before each: 与 (partner), 向/给/为 (target),
 * 到/在/赴 (place), else subject; a list member (、和及) takes the role of the one before it. Only a
 * chain that reaches the trigger counts: each entity joined to the next by a list joiner or a role
 * word, and the last one at most a few words from the trigger.
 */
function leftRoles(left: Part[], at: number, text: string, clauseStart: number): LeftRoles {
  const roles: LeftRoles = { subjects: [], partners: [], targets: [], places: [] };
  if (left.length === 0) return roles;
  const tail = text.slice(left[left.length - 1]!.end, at);
  if (tail.length > 16 || REPORTING.test(tail) || TRIGGER_RE_TEST.test(tail)) return roles;
  let first = left.length - 1;
  while (first > 0 && LINK.test(text.slice(left[first - 1]!.end, left[first]!.head))) first--;
  let role: keyof LeftRoles = 'subjects';
  for (let k = first; k < left.length; k++) {
    const p = left[k]!;
    const before = text.slice(k > first ? left[k - 1]!.end : Math.max(clauseStart, p.head - 4), p.head);
    if (!(k > first && LIST_JOIN.test(before))) role = roleOf(before);
    roles[role].push(p);
  }
  return roles;
}

/** What joins two entities of one chain: a list joiner, or a few words ending in a role word (张红军|到|梧桐办事处). */
const LINK = /^(?:、|和|与|及|以及|同|跟)?$|^[^，；。、]{0,6}?(?:向|给|为|对|到|赴|深入|来到|前往|走进|在|于|与|同|跟)$/;
/** A list joiner: the entity after it has the role of the one before. */
const LIST_JOIN = /^(?:、|和|及|以及)?$/;

const TRIGGER_RE_TEST = new RegExp(TRIGGERS.map((t) => t.word).join('|'));

function roleOf(before: string): keyof LeftRoles {
  if (PARTNER_MARK.test(before)) return 'partners';
  if (TARGET_MARK.test(before)) return 'targets';
  if (PLACE_MARK.test(before)) return 'places';
  return 'subjects';
}

/**
 * The subject of an earlier clause of the sentence, for a clause that continues it without naming it
 * (智慧运营集团近年来…，与上汽集团合资成立…): the entity that opens the sentence, if no reporting verb
 * follows it (张红军表示，…吸引企业来投资 has no investor).
 */
function carriedSubject(here: Part[], clauseStart: number, text: string, s: Sentence): Part[] {
  const clause = text.slice(clauseStart, s.end);
  if (clauseStart === s.start || !CONTINUATION.test(clause)) return [];
  const first = here.filter((p) => p.end <= clauseStart);
  if (first.length === 0) return [];
  // The sentence's opening list: entities from the first, joined by list joiners.
  const opening: Part[] = [first[0]!];
  const lead = text.slice(s.start, first[0]!.head);
  if (!/^(?:本报讯)?\s*(?:[\d０-９]+月[\d０-９]+日|近日|日前|今年以来|近年来)?[，,]?\s*$/.test(lead)) return [];
  for (let k = 1; k < first.length && JOINER.test(text.slice(first[k - 1]!.end, first[k]!.head)); k++) opening.push(first[k]!);
  const between = text.slice(opening[opening.length - 1]!.end, clauseStart);
  if (REPORTING.test(between)) return [];
  return preferPersons(opening).map((p) => ({ ...p, inferred: true }));
}

/** Where the clause that holds `from` ends: at the next ，：; or the sentence's end. */
function clauseEnd(text: string, from: number, sentenceEnd: number): number {
  for (let k = from; k < sentenceEnd; k++) if (/[，,；;：:。]/.test(text[k]!)) return k;
  return sentenceEnd;
}

/** The entities right after a trigger in its clause: the first, and those listed after it. */
function rightGroup(here: Part[], end: number, text: string, sentenceEnd: number): Part[] {
  const stop = clauseEnd(text, end, sentenceEnd);
  const right = here.filter((p) => p.head >= end && p.end <= stop);
  const out: Part[] = [];
  for (const p of right) {
    if (out.length > 0) {
      const gap = text.slice(out[out.length - 1]!.end, p.head);
      // Persons met are listed with their titles and "一行" words between (李兴东、徐家湾乡乡长吕海波).
      if (!JOINER.test(gap) && !(p.type === 'Person' && /^[、和及]$/.test(gap))) break;
    }
    out.push(p);
  }
  return out;
}

/** Is p of the kind a numbered collective names (乡镇: a township; 市: a city; 集团, 企业: an organization)? */
function ofKind(p: Part, kind: string): boolean {
  if (/乡|镇/.test(kind)) return p.type === 'Place' && /[乡镇]$/.test(p.name) && kind.includes(p.name.slice(-1));
  if (/县|市/.test(kind)) return p.type === 'Place' && p.name.endsWith(kind);
  return p.type === 'Organization';
}

/** Each pair (a, b) of a from `from` and b from `to`, each name once (三市 names the cities listed before it again). */
function cross(from: Part[], to: Part[]): Array<[Part, Part]> {
  return unique(from).flatMap((a) => unique(to).map((b): [Part, Part] => [a, b]));
}

function unique(ps: Part[]): Part[] {
  const seen = new Set<string>();
  return ps.filter((p) => !seen.has(p.name) && !!seen.add(p.name));
}

/**
 * The article's entity occurrences that can take part in events, with their roles cleared of what
 * only describes another: an employer before a title and a person (卢氏县委副书记李兴东 is 李兴东), a
 * place right before another name (卢氏县徐家湾乡 is 徐家湾乡). Numbered collectives (两乡镇) stand for
 * the last entities of their kind before them.
 */
function participants(input: EventInput): Part[] {
  const { folded, spans, canonical } = input;
  const parts: Part[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (!PARTICIPANTS.has(s.type)) continue;
    const c = canonical[i]!;
    const type = c.slice(0, c.indexOf(':')) as EntityType;
    if (!PARTICIPANTS.has(type)) continue;
    parts.push({ head: s.start, start: s.start, end: s.end, type, name: c.slice(c.indexOf(':') + 1) });
  }
  // Persons absorb the titles and employers before them (高新区党工委书记、管委会主任王新亭).
  const described = new Set<Part>();
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.type !== 'Person') continue;
    let head = p.start;
    for (let j = k - 1; j >= 0; j--) {
      const q = parts[j]!;
      // A title phrase is short (副组长兼办公室主任): a longer gap ends the walk before slicing it.
      if (head - q.end > 15) break;
      let gap = folded.slice(q.end, head);
      if (j < k - 1 && /[、，]$/.test(gap) && head !== p.start) gap = gap.slice(0, -1);
      if (q.type === 'Person' || !titleOf(gap)) break;
      described.add(q);
      head = q.start;
    }
    // A title with no employer before it (市长张海峰, 董事长陈立华).
    const bare = /[\u4e00-\u9fff]{1,8}$/.exec(folded.slice(Math.max(0, head - 8), head));
    if (head === p.start && bare) {
      for (let n = bare[0].length; n >= 2; n--) {
        const t = bare[0].slice(bare[0].length - n);
        if (titleOf(t) === t) {
          head -= n;
          break;
        }
      }
    }
    p.head = head;
  }
  // A place right before another name qualifies it (卢氏县|徐家湾乡): the name's phrase starts at the place.
  for (let k = parts.length - 2; k >= 0; k--) {
    const p = parts[k]!;
    const next = parts[k + 1]!;
    if (p.type === 'Place' && next.type !== 'Project' && !described.has(p) && next.head === p.end) {
      described.add(p);
      next.head = p.head;
    }
  }
  // An entity glued to the one before it (中国建设银行|河南省|分行) is part of that one's phrase.
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k]!;
    const prev = parts[k - 1]!;
    if (!described.has(p) && !described.has(prev) && p.type !== 'Person' && prev.type !== 'Person' && prev.end === p.head) described.add(p);
  }
  const kept = parts.filter((p) => !described.has(p));
  // Numbered collectives: 两乡镇 → the last two townships named before it.
  COLLECTIVE.lastIndex = 0;
  const added: Part[] = [];
  for (let m = COLLECTIVE.exec(folded); m; m = COLLECTIVE.exec(folded)) {
    const n = NUMBERS[m[1]!]!;
    const kind = m[2]!;
    if (spans.some((s) => s.start <= m!.index && s.end > m!.index)) continue;
    const before: Part[] = [];
    // The collective's antecedents stand shortly before it (a few dozen names back at most).
    for (let k = kept.length - 1, looked = 0; k >= 0 && before.length < n && looked < 200; k--) {
      const p = kept[k]!;
      if (p.end > m.index) continue;
      looked++;
      if (!ofKind(p, kind) || before.some((b) => b.name === p.name)) continue;
      before.unshift(p);
    }
    if (before.length !== n) continue;
    for (const p of before) added.push({ ...p, head: m.index, start: m.index, end: m.index + m[0].length, inferred: true });
  }
  return [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
