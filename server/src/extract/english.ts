import nlp from 'compromise';
import type { EntityType, ExtractedEntity, ExtractedRelation, Extraction, Sentence } from '@guanxi/shared';
import { findOrganizationNames, leadingTitle, titleBefore, OFFICE_TITLES } from './english-names.ts';
import { findEnglishEvents, within, type Occurrence } from './english-events.ts';
import type { ExtractInput } from './index.ts';
import { splitSentences, sentenceAt } from './text/sentences.ts';
import { defuse, pieces } from './text/bounded.ts';
import type { LexiconMatcher } from './lexicon.ts';

type Doc = ReturnType<typeof nlp>;
type Selection = { json(options: object): unknown };
// compromise's own entity selections: whole names (Barack Obama), honorifics left out.
const KINDS: Array<[(d: Doc) => Selection, EntityType]> = [
  [(d) => d.people().not('#Honorific'), 'Person'],
  [(d) => d.organizations(), 'Organization'],
  [(d) => d.places(), 'Place'],
];
// Names are joined by a comma or by " and " between spaces: with "and" allowed to touch a name,
// "By AandBand…" could be split into names in exponentially many ways, and a line of it hung.
const BYLINE_RE = /^\s*(?:By|BY)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:(?:\s*,\s*|\s+and\s+)[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)\s*$/m;

/**
 * English articles: compromise's named-entity tags give people, organizations and places; offsets
 * come from compromise's own offsets into the body. A "By Jane Doe" line gives the authors.
 */
export function extractEnglish(article: ExtractInput, lexicon?: LexiconMatcher): Extraction {
  const body = article.body;
  const sentences = splitSentences(body, { semicolon: false });
  const authors: string[] = [];
  let bylineStart = -1;
  let bylineEnd = -1;
  const by = BYLINE_RE.exec(body);
  if (by) {
    authors.push(...by[1]!.split(/\s*(?:,|\band\b)\s*/).map((a) => a.trim()).filter(Boolean));
    bylineStart = by.index;
    bylineEnd = by.index + by[0].length;
  }
  const entities = new Map<string, ExtractedEntity>();
  // Which characters a mention already covers; a list of spans scanned at each mention took time
  // quadratic in their number (1 MB of repeated names: 35 s).
  const taken = new Uint8Array(body.length);
  const add = (type: EntityType, start: number, end: number) => {
    let surface = body.slice(start, end);
    const trimmed = surface.replace(/[\s,.;:!?"'’)]+$/, '').replace(/^[\s"'‘(]+/, '');
    start += surface.indexOf(trimmed);
    end = start + trimmed.length;
    surface = trimmed.replace(/'s$/, '');
    end = start + surface.length;
    // A title compromise kept in a name (Illinois Governor Tom Becker) is a position, not the name.
    const title = type === 'Person' ? leadingTitle(surface) : 0;
    start += title;
    surface = surface.slice(title);
    if (surface.length < 2 || (start >= bylineStart && end <= bylineEnd)) return;
    if (lexicon?.isStopped(surface)) return;
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    const listed = lexicon?.lookup(surface);
    const t = listed?.type ?? type;
    const name = listed?.name ?? surface;
    const id = `${t}:${name}`;
    let e = entities.get(id);
    if (!e) entities.set(id, (e = { type: t, name, aliases: [], mentions: [] }));
    if (surface !== name && !e.aliases.includes(surface)) e.aliases.push(surface);
    e.mentions.push({ start, end, sentence: sentenceAt(sentences, start) });
  };
  for (const s of lexicon?.find(body) ?? []) add(s.type, s.start, s.end);
  // Organizations named with their heads first: compromise cuts Illinois Department of Commerce to a place.
  for (const s of findOrganizationNames(body)) add('Organization', s.start, s.end);
  // compromise sees bounded, defused pieces (text/bounded.ts); offsets are the piece's plus its start.
  for (const piece of pieces(body)) {
    const doc = nlp(defuse(piece.text));
    for (const [select, type] of KINDS) {
      const found = select(doc).json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
      for (const m of found) add(type, piece.start + m.offset.start, piece.start + m.offset.start + m.offset.length);
    }
  }
  joinSurnames(entities);
  for (const e of entities.values()) e.mentions.sort((a, b) => a.start - b.start);
  const occurrences: Occurrence[] = [...entities.values()]
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type, name: e.name })))
    .sort((a, b) => a.start - b.start);
  const relations = [...positions(body, occurrences, sentences, article.date), ...findEnglishEvents(body, occurrences, sentences, article.date)];
  return { authors, entities: [...entities.values()], relations, sentences };
}

/**
 * A surname alone (Becker) is the person named in full earlier or later in the article (Tom Becker),
 * when exactly one full name ends with it: its mentions join that person, the surname an alias.
 */
function joinSurnames(entities: Map<string, ExtractedEntity>): void {
  const persons = [...entities.values()].filter((e) => e.type === 'Person');
  for (const short of persons) {
    if (/\s/.test(short.name)) continue;
    const full = persons.filter((p) => p !== short && p.name.endsWith(` ${short.name}`));
    if (full.length !== 1) continue;
    const target = full[0]!;
    target.mentions.push(...short.mentions);
    if (!target.aliases.includes(short.name)) target.aliases.push(short.name);
    for (const a of short.aliases) if (!target.aliases.includes(a)) target.aliases.push(a);
    entities.delete(`Person:${short.name}`);
  }
}

const VENUE = /\b(?:Hall|Center|Centre|Square|Street|Avenue|Park|Airport|Station|Building|House|Hotel|Stadium|Arena)$/;

/**
 * HOLDS_POSITION from a title before a name (Governor Tom Becker, CEO Maria Lopez of Northwind
 * Traders): the organization after "of"/"at", else the one (or the place) right before the title,
 * else the nearest in the sentence; a public office without one is of the first place the article names.
 */
function positions(body: string, occurrences: Occurrence[], sentences: Sentence[], date: string | undefined): ExtractedRelation[] {
  const out: ExtractedRelation[] = [];
  const seen = new Set<string>();
  // A venue (City Hall, Union Square) is where something happened, not what an office governs.
  const region = (o: Occurrence) => o.type === 'Place' && !VENUE.test(o.name);
  const firstPlace = occurrences.find(region);
  for (let k = 0; k < occurrences.length; k++) {
    const p = occurrences[k]!;
    if (p.type !== 'Person') continue;
    const t = titleBefore(body, p.start);
    if (!t) continue;
    const si = sentenceAt(sentences, p.start);
    const s = sentences[si]!;
    const next = occurrences[k + 1];
    const prev = occurrences[k - 1];
    const office = OFFICE_TITLES.has(t.title.replace(/^(?:Vice|Deputy|Acting|Former) /, ''));
    const inSentence = within(occurrences, s.start, s.end).filter((o) => o !== p && o.type !== 'Person');
    const body_ =
      (next && next.type !== 'Person' && /^,?\s+(?:of|at)\s+(?:the\s+)?$/.test(body.slice(p.end, next.start)) ? next : undefined) ??
      (prev && prev.type !== 'Person' && /^(?:'s)?\s+$/.test(body.slice(prev.end, t.start)) ? prev : undefined) ??
      inSentence.find((o) => (office ? region(o) : o.type === 'Organization')) ??
      (office ? firstPlace : undefined);
    if (!body_) continue;
    const key = `${p.name}|${t.title}|${body_.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      type: 'HOLDS_POSITION', from: p.name, fromType: 'Person', to: body_.name, toType: body_.type, title: t.title,
      evidence: body.slice(s.start, s.end), ...(date ? { asOf: date } : {}),
    });
  }
  return out;
}
