import type { ExtractedEntity, ExtractedRelation } from '@guanxi/shared';
import { words } from './cues.ts';
import { gazetteer, matchAt, type Division } from './gazetteer.ts';
import { resolvePlace, type PlaceContext } from './places-resolve.ts';
import { orgSuffixOf } from './organizations.ts';
import { WORLD_PLACES } from './world.ts';
import { isGeneric } from './join-names.ts';

// Level words that stand for "our" district/city/county in local news (区党工委 = 高新区党工委).
const LEVEL_PREFIX = /^[区市县省乡镇]/;

/**
 * Full forms for organization short forms in one article. 圆方集团 → 郑州圆方集团 (a longer name in
 * the article ends with it); 区党工委 → 高新区党工委 (the same head after the article's district);
 * 党工委, 管委会 → 高新区党工委, 高新区管委会 (a bare head takes the article's most frequent local
 * prefix, the place that heads its other organization names).
 */
export function resolveOrganizations(surfaces: string[], title: string, text: string): Map<string, string> {
  const names = [...new Set(surfaces)];
  const out = new Map<string, string>();
  // The local prefix: the place most organization names in the article (and title) start with.
  const prefixCount = new Map<string, number>();
  for (const n of [...surfaces, ...orgsInTitle(title)]) {
    const p = placePrefix(n);
    if (p && orgSuffixOf(n.slice(p.length))) prefixCount.set(p, (prefixCount.get(p) ?? 0) + 1);
  }
  // Development zones named in the title are the article's own district (高新区召开…).
  const zone = /(高新区|经开区|开发区|新区)/.exec(title) ?? /(高新区|经开区)/.exec(text);
  if (zone) prefixCount.set(zone[1]!, (prefixCount.get(zone[1]!) ?? 0) + 1);
  // The winner is the prefix the article repeats most (高新区 over a one-off 郑州市).
  const haystack = title + '\n' + text;
  let local: string | undefined;
  let localCount = 0;
  for (const p of prefixCount.keys()) {
    const c = occurrences(haystack, p);
    if (c > localCount || (c === localCount && p.length > (local?.length ?? 0))) [local, localCount] = [p, c];
  }
  // Local news about a development zone names its bodies after the zone, whatever else it mentions.
  if (zone) local = zone[1]!;
  for (const s of names) {
    const longer = names.filter((l) => l !== s && l.endsWith(s) && l.length > s.length).sort((a, b) => b.length - a.length)[0];
    if (longer) {
      out.set(s, longer);
      continue;
    }
    if (LEVEL_PREFIX.test(s) && s.length >= 3) {
      const rest = s.slice(1);
      const full = names.find((l) => l !== s && l.endsWith(rest) && l.length > s.length && l[l.length - rest.length - 1] === s[0]);
      if (full) {
        out.set(s, full);
        continue;
      }
      if (local && local.endsWith(s[0]!)) {
        out.set(s, local + rest);
        continue;
      }
    }
    if (local && !startsWithPlace(s) && s.length <= 5 && orgSuffixOf(s) && BARE_LOCAL_HEADS.has(s)) out.set(s, local + s);
  }
  return out;
}

// Level bodies named without their place (纪委, 市委): the place's own body in its news, no body of their own.
const BARE_LEVEL = /^(?:[省市县区乡镇村]?(?:纪委|纪工委|委|党委|政府|人民政府|人大|人大常委会|政协|常委会)|[省市县区乡镇村]委)$/;

/**
 * Is the name a head or a generic remainder with no name part (纪委, 委员会, 有限公司, 发展有限公司)? Such
 * a name is never an organization of its own: pieces like these cut off a thousand longer names
 * became the biggest hubs of a large collection.
 */
export function isBareOrganization(name: string): boolean {
  const generic = GENERIC_OWNER.exec(name);
  return orgSuffixOf(name) === name || BARE_LEVEL.test(name) || GENERIC_REMIT.test(name) || isGeneric(name) || (generic !== null && orgSuffixOf(generic[1]!) === generic[1]);
}

// A one-word remit and a head, cut off a longer name (发展和|改革委员会, 住房和城乡|建设局).
const GENERIC_REMIT = /^(?:改革|建设|发展|管理|监督|健康|运输|保障|服务|规划|监管|执法)(?:委员会|局|办公室|办|中心|厅|委)$/;
// Words that say whose a body is without naming it (乡镇|卫生院, 基层|党委).
const GENERIC_OWNER = /^(?:乡镇|基层|各级|有关|相关|当地|地方|辖区|上级|下属)(.+)$/;

function occurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

// Bodies that every district has, named without their district inside its own news.
const BARE_LOCAL_HEADS = words('党工委 管委会 人大工委 工委 党委 纪工委 政法委 区委 区政府 管理委员会 政协');

function orgsInTitle(title: string): string[] {
  return title.split(/[\s，,、：:]+/).filter((w) => orgSuffixOf(w));
}

function startsWithPlace(s: string): boolean {
  return !!placePrefix(s);
}

// placePrefix depends on the name alone, and the same names come back article after article (高新区管委会).
const prefixCache = new Map<string, string | undefined>();
const PREFIX_CACHE_SIZE = 50_000;

/** The longest place name an organization name starts with (郑州 of 郑州威科姆科技股份有限公司). */
export function placePrefix(s: string): string | undefined {
  if (prefixCache.has(s)) return prefixCache.get(s);
  if (prefixCache.size >= PREFIX_CACHE_SIZE) prefixCache.clear();
  const prefix = findPlacePrefix(s);
  prefixCache.set(s, prefix);
  return prefix;
}

function findPlacePrefix(s: string): string | undefined {
  const g = gazetteer();
  let best = matchAt(g, s, 0);
  for (let i = 2; i <= Math.min(s.length, 10); i++) if (WORLD_PLACES.has(s.slice(0, i)) && i > (best?.length ?? 0)) best = s.slice(0, i);
  const m = /^(.{2,6}?)(?:高新区|经开区)/.exec(s);
  if (m && (g.byName.has(m[0]) || g.byName.has(m[1]!))) best = m[0].length > (best?.length ?? 0) ? m[0] : best;
  if (!best && /^(高新区|经开区)/.test(s)) best = s.slice(0, 3);
  return best && best.length < s.length ? best : undefined;
}

/**
 * LOCATED_IN for organizations whose name starts with a place (郑州威科姆… → 郑州市, 卢氏县委 → 卢氏县)
 * or whose head is a street office named after its township (梧桐办事处 → 梧桐街道 of 郑州高新区).
 */
export function locatedIn(entities: ExtractedEntity[], sentenceText: (i: number) => string, ctx: PlaceContext): Array<{ relation: ExtractedRelation; place: ExtractedEntity }> {
  const out: Array<{ relation: ExtractedRelation; place: ExtractedEntity }> = [];
  for (const e of entities) {
    if (e.type !== 'Organization') continue;
    // The name itself states the place (郑州威科姆… is in 郑州); an organization without a mention has no sentence.
    const stated = e.mentions[0] ? { evidence: sentenceText(e.mentions[0].sentence) } : { evidence: '', source: 'gazetteer' as const };
    let placeName = placePrefix(e.name);
    let d: Division | undefined;
    const office = /^([\u4e00-\u9fff]{2,4})(?:办事处|街道办事处|街道办)$/.exec(e.name);
    if (office) {
      placeName = office[1]!;
      d = resolvePlace(placeName + '街道', ctx) ?? resolvePlace(placeName, ctx);
    } else if (placeName) d = resolvePlace(placeName, ctx);
    if (!placeName) continue;
    const to = d?.name ?? placeName;
    out.push({
      relation: { type: 'LOCATED_IN', from: e.name, fromType: 'Organization', to, toType: 'Place', ...stated },
      place: { type: 'Place', name: to, aliases: [], mentions: [], ...(d ? { code: d.code } : {}) },
    });
  }
  return out;
}
