import type { ExtractedEntity, ExtractedRelation } from '@guanxi/shared';
import { ancestry, gazetteer, shortForms, type Division } from './gazetteer.ts';

export interface PlaceContext {
  /** Title and body of the article, folded: where to look for enclosing places. */
  text: string;
  cache?: Map<string, Division | undefined>;
}

const DEV_ZONE_KINDS: Record<string, string> = { 高新区: '高新技术产业开发区', 经开区: '经济技术开发区' };

/**
 * The gazetteer entry a place name refers to, or undefined for places outside it (美国, 长江).
 * Ambiguous names (梧桐街道 exists in four counties) go to the entry whose enclosing places the
 * article also names (郑州, 高新区); ties go to the higher level, then to the lower code.
 */
export function resolvePlace(name: string, ctx: PlaceContext): Division | undefined {
  ctx.cache ??= new Map();
  if (ctx.cache.has(name)) return ctx.cache.get(name);
  const g = gazetteer();
  // A township's short form (青山 of 青山镇) is that township only where the article says so
  // (青山镇, 梧桐办事处, 梧桐街道): in 绿水青山 it is a hill.
  let candidates = (g.byName.get(name) ?? []).filter(
    (d) => d.level !== 'township' || d.name === name || ctx.text.includes(d.name) || ctx.text.includes(`${name}办事处`),
  );
  const kind = DEV_ZONE_KINDS[name];
  if (kind) {
    // A bare 高新区 is the development zone of a city the article names.
    const zones = devZones(kind);
    const named = zones.filter((d) => ctx.text.includes(d.name.slice(0, -kind.length)));
    if (named.length) candidates = named;
  }
  const best = pick(candidates, ctx.text);
  ctx.cache.set(name, best);
  return best;
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

function pick(candidates: Division[], text: string): Division | undefined {
  if (candidates.length <= 1) return candidates[0];
  const g = gazetteer();
  let best: Division | undefined;
  let bestScore = -1;
  for (const d of candidates) {
    let score = 0;
    for (const a of ancestry(g, d).slice(1)) {
      const names = [a.name, ...shortForms(a.name, a.level)];
      if (a.name.endsWith('高新技术产业开发区')) names.push('高新区');
      if (names.some((n) => n.length >= 2 && text.includes(n))) score += 2;
    }
    score -= LEVEL_RANK[d.level] * 0.1;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * PART_OF edges up the gazetteer hierarchy for every coded place, adding the enclosing places as
 * entities without mentions. The evidence is the sentence naming the smaller place.
 */
export function placeRelations(entities: ExtractedEntity[], sentenceText: (i: number) => string): Array<{ relation: ExtractedRelation; added: ExtractedEntity[] }> {
  const g = gazetteer();
  const out: Array<{ relation: ExtractedRelation; added: ExtractedEntity[] }> = [];
  for (const e of entities) {
    if (e.type !== 'Place' || !e.code) continue;
    const d = g.byCode.get(e.code);
    if (!d) continue;
    const chain = ancestry(g, d);
    const evidence = e.mentions[0] ? sentenceText(e.mentions[0].sentence) : e.name;
    for (let i = 0; i + 1 < chain.length; i++) {
      const child = chain[i]!;
      const parent = chain[i + 1]!;
      out.push({
        relation: { type: 'PART_OF', from: child.name, fromType: 'Place', to: parent.name, toType: 'Place', evidence },
        added: [{ type: 'Place', name: parent.name, aliases: [], mentions: [], code: parent.code }],
      });
    }
  }
  return out;
}
