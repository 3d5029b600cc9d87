import type { EntityType } from '@guanxi/shared';
import { luceneQuery } from '../../graph/explore.ts';
import { listArticles } from '../../graph/listings.ts';
import { periodOrder, rankEntities, type EntityOrder } from '../../graph/rankings.ts';
import { badInput, bounded, dateWindow } from '../arguments.ts';
import { joinFound } from '../loaded.ts';
import { decodeCursor, pageSize, toPage } from '../pagination.ts';
import { searchText, type ApiContext } from '../resolvers.ts';
import type { Resolvers } from '../resolver-types.ts';

interface EntitiesArgs {
  type?: EntityType | null;
  orderBy: EntityOrder;
  from?: string | null;
  to?: string | null;
  first: number;
  after?: string | null;
}

interface ArticlesArgs {
  filter?: { text?: string | null; from?: string | null; to?: string | null; entityIds?: string[] | null; source?: string | null } | null;
  first: number;
  after?: string | null;
}

export const listingResolvers: Resolvers = {
  Query: {
    entities: async (_: unknown, args: EntitiesArgs, { graph, loaders }: ApiContext) => {
      const first = pageSize(args.first);
      const byName = args.orderBy === 'NAME';
      if ((args.from || args.to) && !byName && !periodOrder(args.orderBy)) {
        badInput(`orderBy ${args.orderBy} ranks by a metric of the whole collection (guanxi analyze): it takes no from/to`);
      }
      const after = decodeCursor(args.after, [byName ? 'string' : 'number', 'string']) as [number | string, string] | null;
      const rows = await rankEntities(graph, { type: args.type ?? null, orderBy: args.orderBy, ...dateWindow(args), first: first + 1, after });
      const page = toPage(rows, first, (row) => [row.value, row.id]);
      const nodes = await loaders.entity.loadMany(page.edges.map((e) => e.row.id));
      // count stays an Int (the counts and degree); value carries any figure, PageRank's too.
      const counted = args.orderBy === 'MENTIONS' || args.orderBy === 'CONNECTIONS' || args.orderBy === 'DEGREE';
      const edges = page.edges.map((e) => ({
        cursor: e.cursor,
        count: counted ? Number(e.row.value) : null,
        value: byName ? null : Number(e.row.value),
      }));
      return { pageInfo: page.pageInfo, edges: joinFound(edges, nodes, 'node') };
    },
    articles: async (_: unknown, args: ArticlesArgs, { graph, loaders, search }: ApiContext) => {
      const first = pageSize(args.first);
      const filter = args.filter ?? {};
      const text = filter.text ? searchText(filter.text, search) : '';
      const query = text ? luceneQuery(text) || null : null;
      const entityIds = filter.entityIds ?? [];
      bounded('number of entityIds', entityIds.length, 0, 20);
      const after = decodeCursor(args.after, query ? ['number'] : ['string', 'string']);
      const rows = await listArticles(graph, { query, ...dateWindow(filter), entityIds, source: filter.source ?? null }, first + 1, after);
      // Text results page by offset (scores have no stable keyset); date order by (sortDate, id).
      const offset = query && after ? (after[0] as number) : 0;
      const page = toPage(
        rows.map((row, i) => ({ ...row, position: offset + i + 1 })),
        first,
        (row) => (query ? [row.position] : [row.value, row.id]),
      );
      const nodes = await loaders.article.loadMany(page.edges.map((e) => e.row.id));
      return { pageInfo: page.pageInfo, edges: joinFound(page.edges.map((e) => ({ cursor: e.cursor })), nodes, 'node') };
    },
  },
};
