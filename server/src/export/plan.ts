/**
 * What an export reads, resolved from its scope: the whole collection (read in keyset pages by the
 * readers, its size from the count store) or the sorted ids of a view or ego network.
 */
import { cypher } from '../graph/cypher.ts';
import type { Graph } from '../graph/db.ts';
import type { ExportScope } from './scope.ts';

export interface ExportPlan {
  /** The whole collection's entities and articles (filtered), or these ids. */
  entities: 'whole' | string[];
  /** null: no articles (the connection graph alone). */
  articles: 'whole' | string[] | null;
  /** Ids a link's far end must be among (view, ego); null: the filters decide (whole). */
  keep: string[] | null;
  /** Steps of progress: nodes, pairs and the entities and articles whose links are read. */
  size: number;
  /** Articles in the collection (whole), whose refs a whole export's evidence may cite. */
  collectionArticles: number;
  /** Co-mention pairs in the collection (whole): where its ranges read at once split. */
  pairs: number;
  truncated: boolean;
}

export const filters = (scope: ExportScope) => ({ types: scope.types, from: scope.from, to: scope.to });

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

const sorted = (ids: string[]) => [...ids].sort();

/** Resolves a scope into what to read. */
export async function planExport(graph: Graph, scope: ExportScope): Promise<ExportPlan> {
  if (scope.kind === 'whole') {
    const [counts] = await graph.read<{ entities: number; articles: number; pairs: number }>(cypher('export/counts'));
    const entities = counts?.entities ?? 0;
    const articles = scope.articles ? (counts?.articles ?? 0) : 0;
    return {
      entities: 'whole',
      articles: scope.articles ? 'whole' : null,
      keep: null,
      size: 2 * (entities + articles) + (counts?.pairs ?? 0),
      collectionArticles: counts?.articles ?? 0,
      pairs: counts?.pairs ?? 0,
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
    entities: sorted(entities),
    articles: articles.length > 0 ? sorted(articles) : null,
    keep: entities,
    size: 2 * (entities.length + articles.length),
    collectionArticles: 0,
    pairs: 0,
    truncated,
  };
}
