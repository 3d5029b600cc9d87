import type { NodeType, SearchHit, SearchMatch } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { latinKey } from './pinyin.ts';

/** Search: entities as a name index answers them (exact name, alias, pinyin, prefix, text), then articles. */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneEscape(text: string): string {
  return text.replace(LUCENE_SPECIAL, '\\$&');
}

/** Words Lucene's query parser reads as operators even with every special character escaped. */
const LUCENE_OPERATORS = new Set(['AND', 'OR', 'NOT', 'TO']);

/**
 * Any text as a Lucene query that matches its words and nothing more: special characters escaped,
 * operator words quoted (a quoted word is a term, never an operator), control characters dropped.
 */
export function luceneQuery(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (LUCENE_OPERATORS.has(word) ? `"${word}"` : luceneEscape(word)))
    .join(' ');
}

/**
 * How many candidates each branch of the entity search may bring, and how many of the best get
 * their articles counted: enough that ties on score are broken by articles among many, bounded so
 * that a one-character search costs the same at 248,000 entities as at 2,000.
 */
export function searchBudget(first: number): { candidates: number; pool: number } {
  const pool = Math.max(first * 5, 100);
  return { candidates: pool, pool };
}

type EntityRow = { id: string; type: NodeType; label: string; score: number; articles: number; matchedBy: SearchMatch };
type ArticleRow = { id: string; label: string; score: number; date: string | null };

/** The parameters of each search query, also what the plan test EXPLAINs them with. */
export function searchParams(text: string, first: number, types: NodeType[] | null) {
  const trimmed = text.trim();
  const query = luceneQuery(trimmed);
  const entityTypes = types?.filter((t) => t !== 'Article') ?? null;
  return {
    entities: { text: trimmed, aliasKey: ` ${trimmed}`, latin: latinKey(trimmed), query, first, types: entityTypes, ...searchBudget(first) },
    // A title is a few words and the body many: the same words in the title weigh more.
    articles: { query: query && `${query} title:(${query})^2`, first },
  };
}

export async function search(graph: Graph, text: string, types: NodeType[] | null, first: number): Promise<SearchHit[]> {
  const params = searchParams(text, first, types);
  if (!params.entities.query) return [];
  const hits: SearchHit[] = [];
  if (!types || params.entities.types!.length > 0) {
    const rows = await graph.read<EntityRow>(cypher('api/search-entities'), params.entities);
    hits.push(...rows.map((r) => ({ ...r, date: null, detail: `${r.articles} article${r.articles === 1 ? '' : 's'}` })));
  }
  // Entities answer "who/what is this" and come first; articles fill what is left, if anything is.
  if ((!types || types.includes('Article')) && hits.length < first) {
    const rows = await graph.read<ArticleRow>(cypher('api/search-articles'), { ...params.articles, first: first - hits.length });
    hits.push(
      ...rows.map((r) => ({ ...r, type: 'Article' as const, articles: null, date: r.date, matchedBy: 'TEXT' as const, detail: r.date })),
    );
  }
  return hits.slice(0, first);
}
