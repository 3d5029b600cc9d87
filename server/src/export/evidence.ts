/**
 * An export's edges from flat rows: co-mention rows as read, stated relations folded (a pair's
 * parallel statements become one edge, as in the explorer), and the date and url of every article
 * their evidence cites — looked up in Neo4j once per article and kept in a bounded cache, since the
 * same articles are cited by many pairs page after page.
 */
import { edgeId, type EdgeType, type ExportEdge } from '@guanxi/shared';
import { splitSamples } from '../graph/co-mentions.ts';
import { cypher } from '../graph/cypher.ts';
import type { Graph } from '../graph/db.ts';

interface ArticleRef {
  date: string | null;
  url: string | null;
}

/**
 * Articles whose refs the cache holds at most (~270 bytes each: 27 MB for 100,000 articles):
 * memory stays bounded however large the collection; past that, refs are looked up a batch at a
 * time, and the pairs of one entity, read together, cite mostly the same articles.
 */
export const REF_CACHE = 200_000;

/** Dates and urls of cited articles by id, the least recently added dropped past `limit`. */
export class ArticleRefs {
  private readonly refs = new Map<string, ArticleRef>();

  constructor(
    private readonly graph: Graph,
    private readonly limit = REF_CACHE,
  ) {}

  /** Looks up the ids not yet held, in one read. */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = new Set<string>();
    for (const id of ids) if (id && !this.refs.has(id)) missing.add(id);
    if (missing.size === 0) return;
    await this.lookUp(missing);
  }

  /**
   * The articles co-mention rows cite (each row's list of ids), looked up if any is not held. Plain loops, no generator and
   * no set while all are held (always, after a preload): this runs for every row of a whole export.
   */
  async loadCited(citeLists: readonly string[][]): Promise<void> {
    let missing: Set<string> | undefined;
    for (const cites of citeLists) {
      for (let i = 0; i < cites.length; i++) if (cites[i] && this.refs.get(cites[i]!) === undefined) (missing ??= new Set()).add(cites[i]!);
    }
    if (missing) await this.lookUp(missing);
  }

  private async lookUp(missing: Set<string>): Promise<void> {
    const rows = await this.graph.read<{ id: string; date: string | null; url: string | null }>(cypher('export/article-refs'), { ids: [...missing] });
    for (const row of rows) this.refs.set(row.id, { date: row.date, url: row.url });
    // An id with no article (deleted since) is remembered as such, not asked again.
    for (const id of missing) if (!this.refs.has(id)) this.refs.set(id, { date: null, url: null });
    for (const id of this.refs.keys()) {
      if (this.refs.size <= this.limit) break;
      this.refs.delete(id);
    }
  }

  /**
   * Every article's ref, read ahead in one streamed pass of keyset pages when the collection has
   * no more articles than the cache holds (a whole export cites most of them): the links' reads
   * then never wait for a lookup, so their rows are done with while young and cheap to collect.
   */
  async preload(articles: number, page: number): Promise<void> {
    if (articles > this.limit) return;
    let after = '';
    for (;;) {
      let last: string | undefined;
      const read = await this.graph.stream<{ id: string } & ArticleRef>(
        cypher('export/article-refs-page'),
        { after, page },
        (rows) => {
          for (const row of rows) this.refs.set(row.id, { date: row.date, url: row.url });
          last = rows[rows.length - 1]!.id;
        },
        { batch: 5_000, fetchSize: 5_000 },
      );
      if (read < page || last === undefined) return;
      after = last;
    }
  }

  get(id: string): ArticleRef | undefined {
    return this.refs.get(id);
  }
}

/** A co-mention as read (source and target given, or the pair key to split). */
export interface CoMentionRow {
  source?: string;
  target?: string;
  pair?: string;
  weight: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The samples as stored: sentences, and the articles they come from, joined (splitSamples). */
  evidence: string;
  evidenceArticles: string;
}

/** The key of a co-mention pair: its ends' ids, smaller first (connections/add). */
export const PAIR_SEPARATOR = '\u001f';

export async function coMentionEdges(rows: readonly CoMentionRow[], refs: ArticleRefs): Promise<ExportEdge[]> {
  const citeLists = rows.map((row) => splitSamples(row.evidenceArticles));
  await refs.loadCited(citeLists);
  return rows.map((row, at) => {
    let { source, target } = row;
    if (row.pair !== undefined) [source, target] = row.pair.split(PAIR_SEPARATOR) as [string, string];
    const cites = citeLists[at]!;
    // One lookup a cite for both lists: the ids are fresh strings from the driver, each lookup hashes
    // and compares the whole id, for every evidence sentence of a whole export.
    const dates = new Array<string>(cites.length);
    const urls = new Array<string>(cites.length);
    for (let i = 0; i < cites.length; i++) {
      const ref = refs.get(cites[i]!);
      dates[i] = ref?.date ?? '';
      urls[i] = ref?.url ?? '';
    }
    return {
      id: edgeId(source!, 'CO_MENTIONED', target!),
      source: source!,
      target: target!,
      type: 'CO_MENTIONED',
      weight: row.weight,
      articles: row.articles,
      firstDate: row.firstDate,
      lastDate: row.lastDate,
      title: null,
      evidence: splitSamples(row.evidence),
      evidenceArticles: cites,
      evidenceDates: dates,
      evidenceUrls: urls,
    };
  });
}

/** One statement of a relation, as read: null type for an entity with none (relations-page). */
export interface StatementRow {
  source: string;
  type: string | null;
  target: string | null;
  title: string | null;
  evidence: string | null;
  article: string | null;
  asOf: string | null;
}

interface Statement {
  title: string | null;
  evidence: string;
  article: string;
  date: string | null;
  url: string;
}

/**
 * Folds statement rows into edges, source by source: a source's rows come together (in id order),
 * so the edges of one source are complete when the next source starts, and memory holds one
 * source's statements. A window keeps statements dated inside it (undated ones stay, as in
 * connections/expand). `add` takes rows as they arrive; `flush` ends the last source.
 */
export class RelationFolder {
  private source: string | null = null;
  private pairs = new Map<string, { type: string; target: string; statements: Statement[] }>();
  /** Sources finished (for progress), and the last source seen (a keyset cursor). */
  sources = 0;

  constructor(
    private readonly refs: ArticleRefs,
    private readonly window: { from: string | null; to: string | null },
  ) {}

  get last(): string | null {
    return this.source;
  }

  /** Edges of the sources these rows finish. */
  async add(rows: readonly StatementRow[]): Promise<ExportEdge[]> {
    await this.refs.load(rows.flatMap((r) => (r.article ? [r.article] : [])));
    const edges: ExportEdge[] = [];
    for (const row of rows) {
      if (row.source !== this.source) {
        this.flushInto(edges);
        this.source = row.source;
      }
      if (row.type === null || row.target === null) continue;
      const ref = row.article ? this.refs.get(row.article) : undefined;
      const date = ref?.date ?? row.asOf ?? null;
      if (date !== null && ((this.window.from !== null && date < this.window.from) || (this.window.to !== null && date > this.window.to))) continue;
      const key = row.type + PAIR_SEPARATOR + row.target;
      let pair = this.pairs.get(key);
      if (!pair) this.pairs.set(key, (pair = { type: row.type, target: row.target, statements: [] }));
      pair.statements.push({ title: row.title, evidence: row.evidence ?? '', article: row.article ?? '', date, url: ref?.url ?? '' });
    }
    return edges;
  }

  /** The edges of the last source. */
  flush(): ExportEdge[] {
    const edges: ExportEdge[] = [];
    this.flushInto(edges);
    return edges;
  }

  private flushInto(edges: ExportEdge[]): void {
    if (this.source === null) return;
    for (const { type, target, statements } of this.pairs.values()) edges.push(foldStatements(this.source, type, target, statements));
    this.pairs.clear();
    this.sources++;
  }
}

/** Dated statements first, oldest first (as Cypher's ORDER BY puts nulls last); ties keep their order. */
function foldStatements(source: string, type: string, target: string, statements: Statement[]): ExportEdge {
  const s = statements.map((x, i) => ({ x, i })).sort((a, b) => byDate(a.x.date, b.x.date) || a.i - b.i).map((e) => e.x);
  const dates = s.flatMap((x) => (x.date === null ? [] : [x.date]));
  const titles = [...new Set(s.flatMap((x) => (x.title === null ? [] : [x.title])))];
  return {
    id: edgeId(source, type as EdgeType, target),
    source,
    target,
    type: type as EdgeType,
    weight: s.length,
    articles: new Set(s.flatMap((x) => (x.article ? [x.article] : []))).size,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
    title: titles.length > 0 ? titles.join('、') : null,
    evidence: s.map((x) => x.evidence),
    evidenceArticles: s.map((x) => x.article),
    evidenceDates: s.map((x) => x.date ?? ''),
    evidenceUrls: s.map((x) => x.url),
  };
}

function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
