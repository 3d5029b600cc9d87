import type { ExtractedEntity, ExtractedRelation } from '@guanxi/shared';
import { ancestry, gazetteer, shortForms, type Division } from './gazetteer.ts';
import type { Span } from './span.ts';
import { isPlaceAbbreviation, WORLD_PLACES } from './world.ts';

export interface PlaceContext {
  /** Title and body of the article, folded: where to look for enclosing places. */
  text: string;
  cache?: Map<string, Division | undefined>;
  /**
   * Per division code, whether the text names it: as an enclosing place (`pick`) and by a name of two
   * characters or more (`namedIn`). Candidates share their provinces and cities, and a name like 城关
   * has hundreds of candidates: each place is looked for in the text once an article.
   */
  enclosing?: Map<string, boolean>;
  named?: Map<string, boolean>;
}

const DEV_ZONE_KINDS: Record<string, string> = { 高新区: '高新技术产业开发区', 经开区: '经济技术开发区' };

/**
 * The gazetteer entry a place name refers to, or undefined for places outside it (美国, 长江) and for
 * names the article leaves ambiguous. Ambiguous names (梧桐街道 exists in four counties) go to the
 * entry whose enclosing places (郑州, 高新区) or enclosed places (梧桐办事处 for 郑州高新区) the article
 * also names; a higher level wins a tie (朝阳 is 朝阳市 before any 朝阳区); an exact tie resolves to
 * nothing, since a wrong entry would pull a wrong province into the graph (青山 of 绿水青山 is
 * neither 包头's 青山区 nor 武汉's).
 */
export function resolvePlace(name: string, ctx: PlaceContext): Division | undefined {
  ctx.cache ??= new Map();
  if (ctx.cache.has(name)) return ctx.cache.get(name);
  const g = gazetteer();
  // A township's short form (青山 of 青山镇) is that township only where the article says so
  // (青山镇, 梧桐办事处, 梧桐街道): in 绿水青山 it is a hill.
  let officeNamed: boolean | undefined;
  const mentioned = mentionsOf(name, ctx.text);
  let candidates = (g.byName.get(name) ?? []).filter(
    (d) => d.level !== 'township' || d.name === name || mentioned(d.name) || (officeNamed ??= ctx.text.includes(`${name}办事处`)),
  );
  const kind = DEV_ZONE_KINDS[name];
  if (kind) {
    // A bare 高新区 is the development zone of a city the article names, else of the streets it names.
    const zones = devZones(kind);
    const named = zones.filter((d) => ctx.text.includes(d.name.slice(0, -kind.length)));
    candidates = named.length ? named : [...candidates, ...zones];
  }
  // 中原 and 江南 are regions before they are the short forms of 中原区 and 江南区.
  if (WORLD_PLACES.has(name)) candidates = candidates.filter((d) => d.name === name || d.level === 'province' || d.level === 'city');
  // A standing abbreviation the article leaves ambiguous (巴) is not a city's initial either (巴中).
  if (name.length === 1) candidates = isPlaceAbbreviation(name) ? [] : abbreviated(name, ctx);
  let best = pick(candidates, ctx);
  // 四川省阿坝藏族羌族自治州, 湖北省鄂州市华容区: the last division of a written-out chain, inside the first.
  if (!best && candidates.length === 0) best = lastOfChain(name);
  ctx.cache.set(name, best);
  return best;
}

/** The innermost division of a name written as a chain of divisions, if each part lies inside the one before. */
function lastOfChain(name: string): Division | undefined {
  const g = gazetteer();
  for (let cut = name.length - 2; cut >= 2; cut--) {
    const outer = g.byName.get(name.slice(0, cut));
    if (!outer) continue;
    const inner = (g.byName.get(name.slice(cut)) ?? []).filter((d) => outer.some((o) => ancestry(g, d).slice(1).includes(o)));
    if (inner.length === 1) return inner[0];
    if (inner.length === 0) {
      // The rest may itself be a chain (鄂州市华容区 after 湖北省).
      const deeper = lastOfChain(name.slice(cut));
      if (deeper && outer.some((o) => ancestry(g, deeper).includes(o))) return deeper;
    }
  }
  return undefined;
}

/**
 * Widens a place span to the short form of a place the article names in full: the tagger may read
 * 双|龙湾 (jieba's cut) in 双龙湾4所中心小学, where the article has named 双龙湾镇 before, and 龙湾
 * alone would resolve to 温州's 龙湾区. Spans are sorted and do not overlap; widening keeps it so.
 */
export function widenToNamedPlaces(spans: Span[], text: string): Span[] {
  const g = gazetteer();
  let previousEnd = 0;
  return spans.map((span) => {
    let widened = span;
    if (span.type === 'Place') {
      for (const k of [2, 1]) {
        const start = span.start - k;
        if (start < previousEnd) continue;
        const name = text.slice(start, span.end);
        const divisions = g.byName.get(name);
        if (!divisions) continue;
        const mentioned = mentionsOf(name, text);
        if (divisions.some((d) => d.name !== name && mentioned(d.name))) {
          widened = { ...span, start };
          break;
        }
      }
    }
    previousEnd = widened.end;
    return widened;
  });
}

const ABBREVIATION_BEFORE = new Set('访来在赴离抵驻返回经');
const ABBREVIATION_AFTER = new Set('方籍资企侨胞裔商');

/**
 * The one-character place spans that read as abbreviations: after a verb of travel (访华, 来京, 来郑),
 * before 方, 籍, 资, 企 (中方, 中资; not 军: 万英军 is a name), or paired with another standing
 * abbreviation (中美, 豫陕; not 文英 of a misread 江文英). Elsewhere a lone character is more likely a
 * misread piece of a longer name (华 of 华容区), and naming it in full would spread the error
 * (华 → 中国), so it keeps its surface form.
 */
export function abbreviationSpans(spans: Span[], text: string): Set<Span> {
  const out = new Set<Span>();
  spans.forEach((s, i) => {
    if (!isOneCharacterPlace(s)) return;
    const paired =
      isStanding(s, text) && ((isStanding(spans[i - 1], text) && spans[i - 1]!.end === s.start) || (isStanding(spans[i + 1], text) && spans[i + 1]!.start === s.end));
    if (paired || ABBREVIATION_BEFORE.has(text[s.start - 1] ?? '') || ABBREVIATION_AFTER.has(text[s.end] ?? '')) out.add(s);
  });
  return out;
}

const isOneCharacterPlace = (s: Span | undefined): s is Span => s !== undefined && s.type === 'Place' && s.end - s.start === 1;
const isStanding = (s: Span | undefined, text: string) => isOneCharacterPlace(s) && isPlaceAbbreviation(text[s.start]!);

/**
 * Whether the text contains a name, for names that start with `short` (the full names of a short
 * form's divisions): tested at the places `short` occurs, found once, not by a scan of the text per name.
 */
function mentionsOf(short: string, text: string): (name: string) => boolean {
  const at: number[] = [];
  for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + 1)) at.push(i);
  return (name) => (name.startsWith(short) ? at.some((i) => text.startsWith(name, i)) : text.includes(name));
}

/** A one-character abbreviation (来郑 for 郑州) is the city or province of that initial the article names. */
function abbreviated(initial: string, ctx: PlaceContext): Division[] {
  if (!citiesAndProvinces) {
    citiesAndProvinces = [...gazetteer().byCode.values()].filter((d) => d.level === 'city' || d.level === 'province');
  }
  return citiesAndProvinces.filter((d) => d.name.startsWith(initial) && namedInContext(d, ctx));
}

/** `namedIn` for the article's text, looked up once a division. */
function namedInContext(d: Division, ctx: PlaceContext): boolean {
  ctx.named ??= new Map();
  let named = ctx.named.get(d.code);
  if (named === undefined) ctx.named.set(d.code, (named = namedIn(d, ctx.text)));
  return named;
}

let citiesAndProvinces: Division[] | undefined;

/** Whether the text names d by its full name or a short form of two characters or more. */
function namedIn(d: Division, text: string): boolean {
  if (text.includes(d.name)) return true;
  for (const s of shortForms(d.name, d.level)) {
    if (s.length < 2) continue;
    // Townships' short forms are ordinary words (梧桐): they count only as a 办事处's name.
    if (d.level === 'township' ? text.includes(`${s}办事处`) : text.includes(s)) return true;
  }
  return false;
}

let childIndex: Map<string, Division[]> | undefined;

function childrenOf(code: string): Division[] {
  if (!childIndex) {
    childIndex = new Map();
    for (const d of gazetteer().byCode.values()) {
      if (!d.parent) continue;
      const list = childIndex.get(d.parent);
      if (list) list.push(d);
      else childIndex.set(d.parent, [d]);
    }
  }
  return childIndex.get(code) ?? [];
}

const zoneCache = new Map<string, Division[]>();

/** County-level development zones of one kind (…高新技术产业开发区), listed once. */
function devZones(kind: string): Division[] {
  let zones = zoneCache.get(kind);
  if (!zones) {
    zones = [...gazetteer().byCode.values()].filter((d) => d.level === 'county' && d.name.endsWith(kind));
    zoneCache.set(kind, zones);
  }
  return zones;
}

const LEVEL_RANK = { province: 0, city: 1, county: 2, township: 3 } as const;

/** Does the text name a (as an enclosing place): its name or a short form of two characters or more? */
function enclosingNamed(a: Division, ctx: PlaceContext): boolean {
  ctx.enclosing ??= new Map();
  let named = ctx.enclosing.get(a.code);
  if (named === undefined) {
    const names = [a.name, ...shortForms(a.name, a.level)];
    if (a.name.endsWith('高新技术产业开发区')) names.push('高新区');
    named = names.some((n) => n.length >= 2 && ctx.text.includes(n));
    ctx.enclosing.set(a.code, named);
  }
  return named;
}

function pick(candidates: Division[], ctx: PlaceContext): Division | undefined {
  if (candidates.length <= 1) return candidates[0];
  const g = gazetteer();
  let best: Division | undefined;
  let bestScore = -Infinity;
  let tied = false;
  for (const d of candidates) {
    let score = 0;
    const chain = ancestry(g, d);
    for (let k = 1; k < chain.length; k++) if (enclosingNamed(chain[k]!, ctx)) score += 2;
    if (d.level !== 'township' && childrenOf(d.code).some((c) => namedInContext(c, ctx))) score += 2;
    score -= LEVEL_RANK[d.level] * 0.1;
    if (score > bestScore) {
      best = d;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/**
 * PART_OF edges up the gazetteer hierarchy for every coded place, adding the enclosing places as
 * entities without mentions. A sentence that names both ends (卢氏县徐家湾乡) is the evidence; otherwise
 * the gazetteer alone implies the link, and the relation says so (`source: 'gazetteer'`, no sentence).
 */
export function placeRelations(entities: ExtractedEntity[], sentenceText: (i: number) => string): Array<{ relation: ExtractedRelation; added: ExtractedEntity[] }> {
  const g = gazetteer();
  const out: Array<{ relation: ExtractedRelation; added: ExtractedEntity[] }> = [];
  const byName = new Map(entities.filter((e) => e.type === 'Place').map((e) => [e.name, e]));
  for (const e of entities) {
    if (e.type !== 'Place' || !e.code) continue;
    const d = g.byCode.get(e.code);
    if (!d) continue;
    const chain = ancestry(g, d);
    for (let i = 0; i + 1 < chain.length; i++) {
      const child = chain[i]!;
      const parent = chain[i + 1]!;
      const both = sharedSentence(byName.get(child.name), byName.get(parent.name));
      out.push({
        relation: {
          type: 'PART_OF', from: child.name, fromType: 'Place', to: parent.name, toType: 'Place',
          ...(both === undefined ? { evidence: '', source: 'gazetteer' as const } : { evidence: sentenceText(both) }),
        },
        added: [{ type: 'Place', name: parent.name, aliases: [], mentions: [], code: parent.code }],
      });
    }
  }
  return out;
}

/** The first sentence that mentions both entities, if any. */
function sharedSentence(a: ExtractedEntity | undefined, b: ExtractedEntity | undefined): number | undefined {
  if (!a || !b) return undefined;
  const inB = new Set(b.mentions.map((m) => m.sentence));
  return a.mentions.find((m) => inB.has(m.sentence))?.sentence;
}
