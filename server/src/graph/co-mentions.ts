/**
 * The co-mentions of a batch, counted here from what the batch writes rather than read back from the
 * mentions just stored: every pair of entities named in the same sentence, with the sentences and
 * the articles they share. Two entities that only share an article are not linked: every link has a
 * sentence behind it (and an article naming thirty entities would add 435 links). Reading the mentions back (two expansions an article and a list intersection a pair) cost
 * more than the writes they fed. `connections/add-pairs.cypher` applies the result.
 */

export interface MentionRow {
  /** Position of the article in the batch. */
  article: number;
  /** Position of the entity in the batch's entity table. */
  entity: number;
  /** Positions of the sentences naming it, in the batch's sentence table, in reading order. */
  sentences: number[];
}

export interface PairRow {
  x: string;
  y: string;
  /** Sentences naming both, summed over the batch's articles. */
  weight: number;
  /** Articles with a sentence naming both. */
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Up to the cap: shared sentences (positions in the sentence table) in article order … */
  evidence: number[];
  /** … and the article each comes from. */
  evidenceArticles: string[];
}

interface ArticleRow {
  id: string;
  date: string | null;
}

/**
 * Pairs ordered as the layer keys them (smaller id first), articles taken in (date, id) order so
 * that evidence samples come in the order add.cypher gave them. An entity listed twice for one
 * article counts once, with the union of its sentences.
 */
export function coMentionPairs(articles: ArticleRow[], entityIds: string[], mentions: MentionRow[], evidenceCap: number): PairRow[] {
  const byArticle = new Map<number, Map<string, number[]>>();
  for (const m of mentions) {
    let entities = byArticle.get(m.article);
    if (!entities) byArticle.set(m.article, (entities = new Map()));
    const id = entityIds[m.entity]!;
    const known = entities.get(id);
    entities.set(id, known ? [...known, ...m.sentences.filter((s) => !known.includes(s))] : m.sentences);
  }
  const order = [...byArticle.keys()].sort((a, b) => {
    const x = articles[a]!;
    const y = articles[b]!;
    return compare(x.date ?? '', y.date ?? '') || compare(x.id, y.id);
  });
  const pairs = new Map<string, PairRow>();
  for (const at of order) {
    const article = articles[at]!;
    const entities = [...byArticle.get(at)!].sort(([a], [b]) => compare(a, b));
    for (let i = 0; i < entities.length; i++) {
      const [x, xs] = entities[i]!;
      for (let j = i + 1; j < entities.length; j++) {
        const [y, ys] = entities[j]!;
        const shared = xs.filter((s) => ys.includes(s));
        if (shared.length === 0) continue;
        const key = `${x}\u001f${y}`;
        let pair = pairs.get(key);
        if (!pair) {
          pair = { x, y, weight: 0, articles: 0, firstDate: null, lastDate: null, evidence: [], evidenceArticles: [] };
          pairs.set(key, pair);
        }
        pair.weight += shared.length;
        pair.articles += 1;
        if (article.date !== null) {
          if (pair.firstDate === null || article.date < pair.firstDate) pair.firstDate = article.date;
          if (pair.lastDate === null || article.date > pair.lastDate) pair.lastDate = article.date;
        }
        for (const s of shared) {
          if (pair.evidence.length >= evidenceCap) break;
          pair.evidence.push(s);
          pair.evidenceArticles.push(article.id);
        }
      }
    }
  }
  return [...pairs.values()];
}

/**
 * The pairs' evidence renumbered into a table of just the sentences they cite, so the statement
 * carries those texts and not the whole batch's again.
 */
export function withEvidenceTable(pairs: PairRow[], sentences: string[]): { pairs: PairRow[]; sentences: string[] } {
  const table: string[] = [];
  const at = new Map<number, number>();
  const ref = (s: number) => {
    let i = at.get(s);
    if (i === undefined) at.set(s, (i = table.push(sentences[s]!) - 1));
    return i;
  };
  return { pairs: pairs.map((pair) => ({ ...pair, evidence: pair.evidence.map(ref) })), sentences: table };
}

/**
 * A link stores its evidence samples as two strings, sentences and article ids each joined by this
 * (add-pairs.cypher): Neo4j reads one string several times faster than a list of them. Control
 * characters never reach stored text (ingest/sanitize.ts), so none is a sentence's own.
 */
export const SAMPLE_SEPARATOR = '\u001e';

/** A link's stored samples as a list (none for a missing or empty property). */
export function splitSamples(joined: unknown): string[] {
  if (typeof joined !== 'string' || joined === '') return [];
  return joined.split(SAMPLE_SEPARATOR);
}

/** Code-unit order, as Cypher compares strings (never the locale's). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
