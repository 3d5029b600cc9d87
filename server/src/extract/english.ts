import nlp from 'compromise';
import type { EntityType, ExtractedEntity, Extraction } from '@guanxi/shared';
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
  // compromise sees bounded, defused pieces (text/bounded.ts); offsets are the piece's plus its start.
  for (const piece of pieces(body)) {
    const doc = nlp(defuse(piece.text));
    for (const [select, type] of KINDS) {
      const found = select(doc).json({ offset: true }) as Array<{ offset: { start: number; length: number } }>;
      for (const m of found) add(type, piece.start + m.offset.start, piece.start + m.offset.start + m.offset.length);
    }
  }
  for (const e of entities.values()) e.mentions.sort((a, b) => a.start - b.start);
  return { authors, entities: [...entities.values()], relations: [], sentences };
}
