import type { EntityType } from '@guanxi/shared';
import { luceneQuery } from '../../graph/explore.ts';
import { listArticles } from '../../graph/listings.ts';
import { rankEntities, type EntityOrder } from '../../graph/rankings.ts';
import { bounded, dateWindow } from '../arguments.ts';
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
      const after = decodeCursor(args.after, [byName ? 'string' : 'number', 'string']) as [number | string, string] | null;
      const rows = await rankEntities(graph, { type: args.type ?? null, orderBy: args.orderBy, ...dateWindow(args), first: first + 1, after });
      const page = toPage(rows, first, (row) => [row.value, row.id]);
      const nodes = await loaders.entity.loadMany(page.edges.map((e) => e.row.id));
      const edges = page.edges.map((e) => ({ cursor: e.cursor, count: byName ? null : Number(e.row.value) }));
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
