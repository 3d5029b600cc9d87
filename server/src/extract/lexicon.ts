import { readFileSync } from 'node:fs';
import { isEntityType, type EntityType } from '@guanxi/shared';
import { foldWidth } from './text/fold.ts';
import type { Span } from './chinese/span.ts';

/** The user's own entities (with aliases) and words that must never become entities. */
export interface Lexicon {
  entities: Array<{ type: EntityType; name: string; aliases: string[] }>;
  stop: string[];
}

/**
 * Reads a lexicon file. JSON: {"entities":[{"type":"Organization","name":"郑州圆方集团","aliases":["圆方集团"]}],
 * "stop":["英雄"]}. Or lines: `Organization<TAB>郑州圆方集团<TAB>圆方集团|圆方`, `stop<TAB>英雄`; # comments.
 */
export function loadLexicon(file: string): Lexicon {
  return parseLexicon(readFileSync(file, 'utf8'), file);
}

export function parseLexicon(content: string, where = 'lexicon'): Lexicon {
  const trimmed = content.trim();
  const lexicon: Lexicon = { entities: [], stop: [] };
  if (trimmed.startsWith('{')) {
    const raw = JSON.parse(trimmed) as { entities?: unknown[]; stop?: unknown[] };
    for (const [i, e] of (raw.entities ?? []).entries()) {
      const { type, name, aliases } = (e ?? {}) as Record<string, unknown>;
      if (typeof type !== 'string' || !isEntityType(type) || typeof name !== 'string' || !name) {
        throw new Error(`${where}: entities[${i}] needs a type (Person, Organization, Place, Project) and a name`);
      }
      const list = Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string' && a.length > 0) : [];
      lexicon.entities.push({ type, name, aliases: list });
    }
    for (const s of raw.stop ?? []) if (typeof s === 'string' && s) lexicon.stop.push(s);
    return lexicon;
  }
  for (const [n, line] of content.split('\n').entries()) {
    const l = line.replace(/\r$/, '');
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    const [kind, name, aliases] = l.split('\t');
    if (kind === 'stop' && name) lexicon.stop.push(name.trim());
    else if (kind && isEntityType(kind) && name) lexicon.entities.push({ type: kind, name: name.trim(), aliases: (aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean) });
    else throw new Error(`${where}:${n + 1}: expected "Type<TAB>name<TAB>alias|alias" or "stop<TAB>word"`);
  }
  return lexicon;
}

/** Finds lexicon names in text (longest first) and answers stop-list questions. */
export class LexiconMatcher {
  private readonly surfaces = new Map<string, { type: EntityType; name: string }>();
  private readonly prefixes = new Set<string>();
  private readonly stops: Set<string>;

  constructor(readonly lexicon: Lexicon) {
    for (const e of lexicon.entities) {
      for (const s of [e.name, ...e.aliases]) {
        const f = foldWidth(s);
        this.surfaces.set(f, { type: e.type, name: e.name });
        for (let i = 1; i <= f.length; i++) this.prefixes.add(f.slice(0, i));
      }
    }
    this.stops = new Set(lexicon.stop.map(foldWidth));
  }

  /** The canonical entry for a surface form, if the user listed it. */
  lookup(surface: string): { type: EntityType; name: string } | undefined {
    return this.surfaces.get(foldWidth(surface));
  }

  isStopped(surface: string): boolean {
    return this.stops.has(foldWidth(surface));
  }

  /** Whether [start, end) lies inside an occurrence of a stop-listed phrase in folded text. */
  isInsideStop(folded: string, start: number, end: number): boolean {
    for (const stop of this.stops) {
      for (let at = folded.indexOf(stop, Math.max(0, end - stop.length)); at >= 0 && at <= start; at = folded.indexOf(stop, at + 1)) {
        if (at + stop.length >= end) return true;
      }
    }
    return false;
  }

  /** Non-overlapping occurrences of listed names, longest match at each position. */
  find(folded: string): Span[] {
    const spans: Span[] = [];
    if (this.surfaces.size === 0) return spans;
    for (let i = 0; i < folded.length; i++) {
      let best = 0;
      let type: EntityType | undefined;
      for (let j = i + 1; j <= folded.length; j++) {
        const s = folded.slice(i, j);
        if (!this.prefixes.has(s)) break;
        const hit = this.surfaces.get(s);
        if (hit) {
          best = j;
          type = hit.type;
        }
      }
      if (type && best > i && this.isWordBoundary(folded, i, best)) {
        spans.push({ start: i, end: best, type, rule: 'lexicon' });
        i = best - 1;
      }
    }
    return spans;
  }

  // Latin names must not match inside longer words (ABC in ABCD); Han text has no word spaces.
  private isWordBoundary(text: string, start: number, end: number): boolean {
    const latin = /[A-Za-z0-9]/;
    return !(latin.test(text[start] ?? '') && latin.test(text[start - 1] ?? '')) && !(latin.test(text[end - 1] ?? '') && latin.test(text[end] ?? ''));
  }
}
