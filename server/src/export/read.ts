/**
 * Reading an export's nodes and edges from Neo4j as flat rows, streamed: each read is one short
 * transaction over a keyset page (a range seek on a unique index, in index order: entities and
 * articles by id, co-mentions by their pair key) or over a slice of a view's sorted ids, and its rows
 * go to the writer in batches as they arrive, the driver pausing while the writer waits for its
 * output — memory holds about a fetch, however large the export. Most of a whole export is its
 * co-mentions: read straight off the pair index with their properties, no node touched. A whole
 * export's links can be read in key ranges at once (`parallel`, lanes.ts); one at a time by default.
 */
import { edgeId, type ExportEdge, type ExportNode } from '@guanxi/shared';
import type { RecordShape } from 'neo4j-driver';
import { cypher } from '../graph/cypher.ts';
import type { Graph } from '../graph/db.ts';
import { ArticleRefs, coMentionEdges, PAIR_SEPARATOR, RelationFolder, type CoMentionRow, type StatementRow } from './evidence.ts';
import { inLanes } from './lanes.ts';
import { filters, type ExportPlan } from './plan.ts';
import type { ExportScope } from './scope.ts';

/** Entities or articles a read: a keyset page of the whole collection, a slice of a view's ids. */
export const PAGE = 20_000;
/** Co-mention pairs a read. */
export const ROWS = 20_000;
/** Evidence sentences per mention, as the connection layer keeps per pair. */
const EVIDENCE = 5;

export interface ReadOptions {
  page: number;
  rows: number;
  /** Rows handed to the writer at once. */
  batch?: number;
  /** Rows the driver asks Neo4j for at once (it pauses past 70 % of it unread). */
  fetchSize?: number;
  /** Reads at once (a whole export's links, in key ranges); 1: one after another. */
  parallel?: number;
  /** Rows taken off the driver ahead of the writer (Graph.stream); 0: the driver's backpressure alone. */
  readAhead?: number;
}

/**
 * Small on purpose: every row the driver holds or the writer is still given survives the young
 * generation's collections while the batch's text is built (megabytes of it), is promoted, and dies
 * in the old generation. With fetches of 2,000 and batches of 1,000, that garbage cost a GEXF export
 * 48 Node CPU s against 31 at 500 and 250, for the same reads; fetches of 500 then left Neo4j waiting
 * between pulls (CSV at 0.65× the raw read), 1,000 did not (0.90×) (docs/benchmarks.md, bench:export).
 */
export const FETCH = 1_000;
export const BATCH = 250;
/**
 * Rows taken off the driver ahead of the writer (Graph.stream, readAhead). Off: on the 100,000-article
 * collection CSV measured 50,656 against 48,181/s with 2,000 while Neo4j's read of the links' evidence
 * lists was the limit, and 60,912 against 62,150/s once it was joined strings (docs/benchmarks.md).
 */
export const READ_AHEAD = 0;
/**
 * Reads at once for a whole export's links. Neo4j gives a query one core, so two reads could keep
 * both cores busy; but then Node's one thread is the limit: two at once measured 1.05× one at a time
 * for CSV on a quiet machine (62,202 against 59,492/s) and 0.86–1.04× at load 7–15, with ~10 MB more
 * heap (docs/benchmarks.md, bench:export, `--parallel 1,2`).
 */
export const PARALLEL = 1;

const streaming = (o: ReadOptions) => ({ batch: o.batch ?? BATCH, fetchSize: o.fetchSize ?? FETCH, readAhead: o.readAhead ?? READ_AHEAD });

/** One query's keyset pages, each streamed, the next after the last row's key: a unique, index-ordered key. */
async function keyset<T extends RecordShape>(
  graph: Graph,
  query: string,
  params: Record<string, unknown>,
  page: number,
  key: (row: T) => string,
  onRows: (rows: T[]) => Promise<void>,
  o: ReadOptions,
  from = '',
): Promise<void> {
  let after = from;
  for (;;) {
    let last: string | undefined;
    const read = await graph.stream<T>(cypher(query), { ...params, after, page }, async (rows) => {
      last = key(rows[rows.length - 1]!);
      await onRows(rows);
    }, streaming(o));
    if (read < page || last === undefined) return;
    after = last;
  }
}

function* slices(ids: string[], size: number): Generator<string[]> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}

/** Nodes in batches: entities (grouped by type, as their ids sort), then articles. */
export async function readNodes(graph: Graph, plan: ExportPlan, scope: ExportScope, emit: (nodes: ExportNode[]) => Promise<void>, o: ReadOptions): Promise<void> {
  const window = { from: scope.from, to: scope.to };
  const byIds = async (query: string, ids: string[]) => {
    for (const slice of slices(ids, o.page)) await graph.stream<ExportNode>(cypher(query), { ids: slice }, emit, streaming(o));
  };
  if (plan.entities === 'whole') await keyset<ExportNode>(graph, 'export/entities-page', filters(scope), o.page, (r) => r.id, emit, o);
  else await byIds('export/entities', plan.entities);
  if (plan.articles === 'whole') await keyset<ExportNode>(graph, 'export/articles-page', window, o.page, (r) => r.id, emit, o);
  else if (plan.articles) await byIds('export/articles', plan.articles);
}

/** Edges and the steps of progress they complete (pairs, entities or articles whose links are all read). */
export type EmitEdges = (edges: ExportEdge[], visited: number) => Promise<void>;

/** What the links' reads need first: the cited articles' refs and, for a whole export, its split points. */
export interface LinkSetup {
  refs: ArticleRefs;
  points: SplitPoint[];
}

/**
 * Reads the articles' refs ahead (a whole export) and finds its split points: started beside the
 * nodes' read, so that it takes the core the nodes leave idle rather than time of its own.
 */
export async function setUpLinks(graph: Graph, plan: ExportPlan, o: ReadOptions): Promise<LinkSetup> {
  const refs = new ArticleRefs(graph);
  if (plan.entities !== 'whole') return { refs, points: [] };
  const parallel = o.parallel ?? PARALLEL;
  const [points] = await Promise.all([parallel > 1 ? splitPoints(graph, plan.pairs, parallel) : [], refs.preload(plan.collectionArticles, o.page)]);
  return { refs, points };
}

/** Edges in batches: co-mentions and stated relations, then the articles' mentions and bylines. */
export async function readEdges(
  graph: Graph,
  plan: ExportPlan,
  scope: ExportScope,
  emit: EmitEdges,
  o: ReadOptions,
  setup: Promise<LinkSetup> = setUpLinks(graph, plan, o),
): Promise<void> {
  const { refs, points } = await setup;
  if (plan.entities === 'whole') await wholeEntityLinks(graph, points, scope, refs, emit, o);
  else await viewEntityLinks(graph, plan.entities, plan.keep, scope, refs, emit, o);
  if (plan.articles) await articleLinks(graph, plan, scope, emit, o);
}

export interface SplitPoint {
  pair: string;
  entity: string;
}

/**
 * Where a whole export's links split into `parts` ranges read at once: pairs up to each split point
 * (the pair index's quantiles, export/pair-at) and entities up to its smaller end (their relations).
 * Fewer points when the pairs are too few to split.
 */
export async function splitPoints(graph: Graph, pairs: number, parts: number): Promise<SplitPoint[]> {
  const points: SplitPoint[] = [];
  for (let k = 1; k < parts; k++) {
    const [row] = await graph.read<{ pair: string }>(cypher('export/pair-at'), { skip: Math.floor((k * pairs) / parts) });
    if (!row || row.pair === points.at(-1)?.pair) continue;
    points.push({ pair: row.pair, entity: row.pair.split(PAIR_SEPARATOR)[0]! });
  }
  return points;
}

/**
 * Past every key: ids start with their type's name (ASCII), so each id and pair key sorts before
 * U+FFFF. The last range ends here rather than unbounded so that every read is a seek between two
 * bounds: one bound and a filter would walk the rest of the index to find its last page.
 */
export const END_OF_KEYS = '\uffff';

/** Consecutive ranges (after, up to], the first from the start, the last to the end. */
export function ranges(points: string[]): { after: string; upTo: string }[] {
  return [...points, END_OF_KEYS].map((upTo, i) => ({ after: i === 0 ? '' : points[i - 1]!, upTo }));
}

/**
 * The whole collection's links: co-mentions off the pair index, then relations an entity page a
 * read — each in `parallel` key ranges, read at once (the co-mention ranges first: the most rows).
 */
async function wholeEntityLinks(graph: Graph, points: SplitPoint[], scope: ExportScope, refs: ArticleRefs, emit: EmitEdges, o: ReadOptions): Promise<void> {
  const parallel = o.parallel ?? PARALLEL;
  const pairs = { ...filters(scope), separator: PAIR_SEPARATOR };
  type Turn = <T>(work: () => Promise<T>) => Promise<T>;
  const coMentions = (range: { after: string; upTo: string }) => async (turn: Turn) =>
    keyset<CoMentionRow>(graph, 'export/co-mentions-page', { ...pairs, upTo: range.upTo }, o.rows, (r) => r.pair!, (rows) => turn(async () => emit(await coMentionEdges(rows, refs), rows.length)), o, range.after);
  const relations = (range: { after: string; upTo: string }) => async (turn: Turn) => {
    let after = range.after;
    for (;;) {
      const folder = new RelationFolder(refs, scope);
      const fold = (rows: StatementRow[]) =>
        turn(async () => {
          const before = folder.sources;
          const edges = await folder.add(rows);
          await emit(edges, folder.sources - before);
        });
      await graph.stream<StatementRow>(cypher('export/relations-page'), { ...filters(scope), upTo: range.upTo, after, page: o.page }, fold, streaming(o));
      await turn(async () => {
        const before = folder.sources;
        await emit(folder.flush(), folder.sources - before);
      });
      // Every entity of a page gives a row (relations-page), so fewer sources than the page is the end.
      if (folder.sources < o.page || folder.last === null) return;
      after = folder.last;
    }
  };
  await inLanes([...ranges(points.map((p) => p.pair)).map(coMentions), ...ranges(points.map((p) => p.entity)).map(relations)], parallel);
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

/** A view's or ego network's links: its entities in groups of about `rows` pairs, links to kept ids only. */
async function viewEntityLinks(graph: Graph, entities: string[], keep: string[] | null, scope: ExportScope, refs: ArticleRefs, emit: EmitEdges, o: ReadOptions): Promise<void> {
  const params = { keep, ...filters(scope) };
  for (const ids of slices(entities, o.page)) {
    const counts = await graph.read<{ id: string; connections: number }>(cypher('export/entity-connections'), { ids });
    for (const group of byConnections(counts, o.rows)) {
      const folder = new RelationFolder(refs, scope);
      await graph.stream<StatementRow>(cypher('export/entity-relations'), { ids: group, ...params }, async (rows) => emit(await folder.add(rows), 0), streaming(o));
      await emit(folder.flush(), 0);
      // A hub's pairs come in several reads along its targets, keyed by (source, target).
      let cursor = { afterSource: '', afterTarget: '' };
      for (;;) {
        let last: CoMentionRow | undefined;
        const read = await graph.stream<CoMentionRow>(
          cypher('export/entity-co-mentions'),
          { ids: group, ...params, ...cursor, rows: o.rows },
          async (rows) => {
            last = rows[rows.length - 1];
            await emit(await coMentionEdges(rows, refs), 0);
          },
          streaming(o),
        );
        if (read < o.rows || !last) break;
        cursor = { afterSource: last.source!, afterTarget: last.target! };
      }
      await emit([], group.length);
    }
  }
}

/** The articles' mentions (with their sentences as evidence) and bylines, a page of articles a read. */
async function articleLinks(graph: Graph, plan: ExportPlan, scope: ExportScope, emit: EmitEdges, o: ReadOptions): Promise<void> {
  const params = { keep: plan.keep, ...filters(scope), evidence: EVIDENCE };
  const links = async (ids: string[]) => {
    await graph.stream<ExportEdge & { titles: string[] }>(cypher('export/article-links'), { ids, ...params }, async (rows) => emit(rows.map(articleEdge), 0), streaming(o));
    await emit([], ids.length);
  };
  if (plan.articles !== 'whole') {
    for (const ids of slices(plan.articles ?? [], o.page)) await links(ids);
    return;
  }
  let after = '';
  for (;;) {
    const ids = (await graph.read<{ id: string }>(cypher('export/article-ids'), { after, page: o.page, from: scope.from, to: scope.to })).map((r) => r.id);
    if (ids.length > 0) await links(ids);
    if (ids.length < o.page) return;
    after = ids[ids.length - 1]!;
  }
}

function articleEdge(row: ExportEdge & { titles?: string[] }): ExportEdge {
  const { titles: _titles, ...edge } = row;
  return { ...edge, id: edgeId(row.source, row.type, row.target), title: null };
}
