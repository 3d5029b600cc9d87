/**
 * Reading an export's nodes and edges from Neo4j in pages: each page is its own short read
 * transaction (so the API's per-transaction timeout holds however large the export), keyed by id
 * (a range seek on the unique index for the whole collection, slices of a sorted id list for a
 * view or ego network), and handed on before the next is read — memory holds one page.
 */
import { edgeId, type EdgeType, type ExportEdge, type ExportNode } from '@guanxi/shared';
import { cypher } from '../graph/cypher.ts';
import type { Graph } from '../graph/db.ts';
import type { ExportScope } from './scope.ts';

export const PAGE = 2_000;
/** Evidence sentences per mention, as the connection layer keeps per pair. */
const EVIDENCE = 5;

/** Pages of ids, in order; read again for the edges pass. */
type IdPages = () => AsyncIterable<string[]>;

export interface ExportPlan {
  entities: IdPages;
  articles: IdPages | null;
  /** Ids a link's far end must be among (view, ego); null: the filters decide (whole). */
  keep: string[] | null;
  /** Entities and articles to visit, for progress. */
  size: number;
  truncated: boolean;
}

function slices(ids: string[], page: number): IdPages {
  const sorted = [...ids].sort();
  return async function* () {
    for (let i = 0; i < sorted.length; i += page) yield sorted.slice(i, i + page);
  };
}

function keyset(graph: Graph, query: string, params: Record<string, unknown>, page: number): IdPages {
  return async function* () {
    let after = '';
    for (;;) {
      const rows = await graph.read<{ id: string }>(cypher(query), { ...params, after, page });
      if (rows.length === 0) return;
      yield rows.map((r) => r.id);
      if (rows.length < page) return;
      after = rows[rows.length - 1]!.id;
    }
  };
}

const filters = (scope: ExportScope) => ({ types: scope.types, from: scope.from, to: scope.to });

/** The ids an ego network reaches, hop by hop, strongest ties first, up to the scope's limit. */
async function egoIds(graph: Graph, scope: ExportScope): Promise<{ ids: string[]; truncated: boolean }> {
  const [found] = await graph.read<{ entities: string[] }>(cypher('export/view-ids'), { ids: scope.ids, types: null, from: null, to: null });
  const seen = new Set(found?.entities ?? []);
  let frontier = [...seen];
  let truncated = false;
  for (let hop = 0; hop < scope.depth && frontier.length > 0; hop++) {
    const room = scope.limit - seen.size;
    if (room <= 0) {
      truncated = true;
      break;
    }
    const rows = await graph.read<{ id: string }>(cypher('export/ego-hop'), { ids: frontier, seen: [...seen], limit: room + 1, ...filters(scope) });
    if (rows.length > room) truncated = true;
    frontier = rows.slice(0, room).map((r) => r.id);
    for (const id of frontier) seen.add(id);
  }
  return { ids: [...seen], truncated };
}

/** Resolves a scope into what to read: id pages of entities and articles, and the kept set. */
export async function planExport(graph: Graph, scope: ExportScope, page = PAGE): Promise<ExportPlan> {
  if (scope.kind === 'whole') {
    const [counts] = await graph.read<{ entities: number; articles: number }>(cypher('export/counts'));
    return {
      entities: keyset(graph, 'export/entity-ids', filters(scope), page),
      articles: scope.articles ? keyset(graph, 'export/article-ids', { from: scope.from, to: scope.to }, page) : null,
      keep: null,
      size: (counts?.entities ?? 0) + (scope.articles ? (counts?.articles ?? 0) : 0),
      truncated: false,
    };
  }
  let entities: string[];
  let articles: string[] = [];
  let truncated = false;
  if (scope.kind === 'view') {
    const [found] = await graph.read<{ entities: string[]; articles: string[] }>(cypher('export/view-ids'), { ids: scope.ids, ...filters(scope) });
    entities = found?.entities ?? [];
    articles = found?.articles ?? [];
  } else {
    ({ ids: entities, truncated } = await egoIds(graph, scope));
    if (scope.articles) {
      const rows = await graph.read<{ id: string }>(cypher('export/articles-mentioning'), { ids: entities, from: scope.from, to: scope.to });
      articles = rows.map((r) => r.id);
    }
  }
  if (!scope.articles) articles = [];
  return {
    entities: slices(entities, page),
    articles: articles.length > 0 ? slices(articles, page) : null,
    keep: entities,
    size: entities.length + articles.length,
    truncated,
  };
}

type EntityRow = ExportNode;
type EdgeRow = Omit<ExportEdge, 'id' | 'title'> & { titles: string[] };

function toEdge(row: EdgeRow): ExportEdge {
  const { titles, ...rest } = row;
  return { ...rest, id: edgeId(row.source, row.type as EdgeType, row.target), title: titles.length > 0 ? titles.join('、') : null };
}

/**
 * Reads the next item while the caller writes this one: Neo4j works on page n+1 while Node turns
 * page n into text, so the two share the machine instead of taking turns. Two pages in memory.
 */
async function* ahead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  for (;;) {
    const r = await next;
    if (r.done) return;
    next = it.next();
    // Surfaces when awaited; until then a failure must not count as unhandled.
    next.catch(() => {});
    yield r.value;
  }
}

async function* mapPages<T>(pages: IdPages, read: (ids: string[]) => Promise<T>): AsyncGenerator<T> {
  for await (const ids of pages()) yield await read(ids);
}

/** Nodes in batches: entities (grouped by type, as their ids sort), then articles. */
export async function* nodeBatches(graph: Graph, plan: ExportPlan): AsyncGenerator<ExportNode[]> {
  yield* ahead(mapPages(plan.entities, (ids) => graph.read<EntityRow>(cypher('export/entities'), { ids })));
  if (plan.articles) yield* ahead(mapPages(plan.articles, (ids) => graph.read<EntityRow>(cypher('export/articles'), { ids })));
}

/** Co-mentions cite their evidence by article id: the dates and urls, looked up once for the page. */
async function withArticleRefs(graph: Graph, rows: EdgeRow[]): Promise<EdgeRow[]> {
  const ids = [...new Set(rows.flatMap((r) => r.evidenceArticles ?? []))];
  if (ids.length === 0) return rows;
  const refs = new Map((await graph.read<{ id: string; date: string | null; url: string | null }>(cypher('export/article-refs'), { ids })).map((r) => [r.id, r]));
  for (const row of rows) {
    const cited = row.evidenceArticles ?? [];
    row.evidenceDates = cited.map((id) => refs.get(id)?.date ?? '');
    row.evidenceUrls = cited.map((id) => refs.get(id)?.url ?? '');
  }
  return rows;
}

/** Co-mention rows a read holds at most: a hub's pairs come in several reads. */
export const ROWS = 10_000;

/** The co-mentions out of one id page, in reads of at most ROWS pairs, keyed by (source, target). */
async function* coMentions(graph: Graph, ids: string[], params: Record<string, unknown>, rows: number): AsyncGenerator<EdgeRow[]> {
  let after = { afterSource: '', afterTarget: '' };
  for (;;) {
    const page = await graph.read<EdgeRow>(cypher('export/entity-co-mentions'), { ids, ...params, ...after, rows });
    if (page.length > 0) yield await withArticleRefs(graph, page);
    if (page.length < rows) return;
    const last = page[page.length - 1]!;
    after = { afterSource: last.source, afterTarget: last.target };
  }
}

/**
 * Sorted groups of ids whose co-mentions add up to about `rows`: a read's LIMIT needs its rows
 * sorted, so a group with far more pairs than a read takes would be expanded again for each read.
 * A hub is a group of its own, read in pieces along its targets.
 */
export function byConnections(counts: { id: string; connections: number }[], rows: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  for (const { id, connections } of [...counts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (group.length > 0 && size + connections > rows) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(id);
    size += connections;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

interface EdgeBatch {
  edges: ExportEdge[];
  /** Entities or articles whose links are now all written (for progress). */
  visited: number;
}

/** Edges in batches: the entities' co-mentions and relations, then the articles' mentions and bylines. */
export async function* edgeBatches(graph: Graph, plan: ExportPlan, scope: ExportScope, rows = ROWS): AsyncGenerator<EdgeBatch> {
  const params = { keep: plan.keep, ...filters(scope), evidence: EVIDENCE };
  async function* entityLinks(): AsyncGenerator<EdgeBatch> {
    for await (const ids of plan.entities()) {
      const counts = await graph.read<{ id: string; connections: number }>(cypher('export/entity-connections'), { ids });
      for (const group of byConnections(counts, rows)) {
        yield { edges: (await graph.read<EdgeRow>(cypher('export/entity-relations'), { ids: group, ...params })).map(toEdge), visited: 0 };
        for await (const page of coMentions(graph, group, params, rows)) yield { edges: page.map(toEdge), visited: 0 };
        yield { edges: [], visited: group.length };
      }
    }
  }
  yield* ahead(entityLinks());
  if (plan.articles) {
    const articleLinks = async (ids: string[]): Promise<EdgeBatch> => {
      const found = await graph.read<EdgeRow>(cypher('export/article-links'), { ids, ...params });
      return { edges: found.map(toEdge), visited: ids.length };
    };
    yield* ahead(mapPages(plan.articles, articleLinks));
  }
}
