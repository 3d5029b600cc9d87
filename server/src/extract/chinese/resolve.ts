import type { EntityType, ExtractedEntity, ExtractedRelation, Extraction, Sentence } from '@guanxi/shared';
import type { Span } from './span.ts';
import type { LexiconMatcher } from '../lexicon.ts';
import { sentenceAt } from '../text/sentences.ts';
import { abbreviationSpans, resolvePlace, placeRelations, widenToNamedPlaces, type PlaceContext } from './places-resolve.ts';
import { resolveOrganizations, locatedIn, isBareOrganization } from './org-resolve.ts';
import { expandAbbreviation } from './world.ts';
import { findPositions, findTitledPositions } from './positions.ts';
import { findEvents } from './events.ts';

export interface ResolveInput {
  body: string;
  folded: string;
  title: string;
  date?: string;
  sentences: Sentence[];
  spans: Span[];
  authors: string[];
  lexicon?: LexiconMatcher;
}

/**
 * Turns spans into entities (one per type and canonical name) and relations. Canonical names:
 * the user's lexicon first, then gazetteer entries for places (卢氏 → 卢氏县), then full forms of
 * organization short forms found in the same article (党工委 → 高新区党工委).
 */
export function buildExtraction(input: ResolveInput): Extraction {
  const { body, folded, sentences, lexicon } = input;
  const spans = widenToNamedPlaces(input.spans, folded);
  const placeContext: PlaceContext = { text: input.title + '\n' + folded };
  const abbreviations = abbreviationSpans(spans, folded);
  const orgNames = resolveOrganizations(spans.filter((s) => s.type === 'Organization').map((s) => folded.slice(s.start, s.end)), input.title, folded);
  const entities = new Map<string, ExtractedEntity>();
  const canonical: string[] = [];
  const kept: Span[] = [];
  const fullNameOf = surnameResolver(spans, folded);
  for (const s of spans) {
    const surface = body.slice(s.start, s.end);
    const key = folded.slice(s.start, s.end);
    let type: EntityType = s.type;
    let name = key;
    let code: string | undefined;
    const listed = lexicon?.lookup(key);
    if (listed) {
      type = listed.type;
      name = listed.name;
    } else if (type === 'Person' && key.length === 1) {
      // A surname alone (汤|局长, or a name the tagger cut: 汤|强强): the person of the article
      // with that surname, if there is exactly one; otherwise no one in particular. As its own
      // entity every 汤 of a collection became one person, a hub of unrelated articles.
      const full = fullNameOf(key, s.start);
      if (!full) continue;
      name = full;
    } else if (type === 'Place' && (key.length > 1 || abbreviations.has(s))) {
      // 中美 names 中国 and 美国, 来京 北京市; 郑 (来郑) has no fixed expansion and resolves by context.
      const expanded = key.length === 1 ? expandAbbreviation(key, placeContext.text) : undefined;
      const d = resolvePlace(expanded ?? key, placeContext);
      if (d) {
        name = d.name;
        code = d.code;
      } else if (expanded) {
        name = expanded;
      }
    } else if (type === 'Organization') {
      name = orgNames.get(key) ?? key;
      // A head without a name part, unresolved in the article (纪委, 发展有限公司): no organization of its own.
      if (isBareOrganization(name)) continue;
    }
    kept.push(s);
    canonical.push(`${type}:${name}`);
    const id = `${type}:${name}`;
    let e = entities.get(id);
    if (!e) {
      e = { type, name, aliases: [], mentions: [], ...(code ? { code } : {}) };
      entities.set(id, e);
    }
    if (surface !== name && !e.aliases.includes(surface)) e.aliases.push(surface);
    e.mentions.push({ start: s.start, end: s.end, sentence: sentenceAt(sentences, s.start) });
  }
  const sentenceText = sentenceTexts(body, sentences);
  const relations: ExtractedRelation[] = [];
  const seen = new Set<string>();
  const positionInput = { folded, spans: kept, canonical, entities, sentences, sentenceText, date: input.date };
  const positions = findPositions(positionInput);
  for (const r of [...positions, ...findTitledPositions(positionInput, positions)]) addRelation(r, seen, relations);
  for (const r of findEvents({ folded, spans: kept, canonical, sentences, sentenceText, date: input.date })) addRelation(r, seen, relations);
  for (const r of locatedIn([...entities.values()], sentenceText, placeContext)) {
    if (!entities.has(`Place:${r.place.name}`)) entities.set(`Place:${r.place.name}`, r.place);
    addRelation(r.relation, seen, relations);
  }
  for (const r of placeRelations([...entities.values()], sentenceText)) {
    for (const e of r.added) if (!entities.has(`Place:${e.name}`)) entities.set(`Place:${e.name}`, e);
    addRelation(r.relation, seen, relations);
  }
  return { authors: input.authors, entities: [...entities.values()], relations, sentences };
}

/**
 * The article's full name (two characters or more) for a surname at `at`: the one the text there
 * goes on to spell (汤|军要求 after 汤军 elsewhere), else the only one with that surname.
 */
function surnameResolver(spans: Span[], folded: string): (surname: string, at: number) => string | undefined {
  const bySurname = new Map<string, Set<string>>();
  for (const s of spans) {
    if (s.type !== 'Person' || s.end - s.start < 2) continue;
    const name = folded.slice(s.start, s.end);
    const names = bySurname.get(name[0]!) ?? new Set<string>();
    names.add(name);
    bySurname.set(name[0]!, names);
  }
  return (surname, at) => {
    const names = [...(bySurname.get(surname) ?? [])];
    return names.find((name) => folded.startsWith(name, at)) ?? (names.length === 1 ? names[0] : undefined);
  };
}

/** The text of sentence i (made here, unnamed: tsx's keepNames would give a named closure a defineProperty an article). */
function sentenceTexts(body: string, sentences: Sentence[]): (i: number) => string {
  return (i) => body.slice(sentences[i]!.start, sentences[i]!.end);
}

/** Adds a relation unless one of the same type, ends and title is there. */
function addRelation(r: ExtractedRelation, seen: Set<string>, relations: ExtractedRelation[]): void {
  const k = `${r.type}|${r.from}|${r.to}|${r.title ?? ''}`;
  if (seen.has(k)) return;
  seen.add(k);
  relations.push(r);
}
