import type { Span } from './span.ts';
import { units, type Unit } from './units.ts';
import { findPersons } from './persons.ts';
import { findOrganizations } from './organizations.ts';
import { findProjects } from './projects.ts';
import { findPlaces } from './places.ts';

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
export function recognize(folded: string, given: Span[] = []): Recognition {
  const us = units(folded);
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
  const take = (s: Span) => {
    for (let k = s.start; k < s.end; k++) if (taken[k]) return;
    taken.fill(1, s.start, s.end);
    kept.push(s);
  };
  for (const s of given) take(s);
  for (const s of candidates) take(s);
  kept.sort((a, b) => a.start - b.start);
  return { units: us, spans: kept };
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
