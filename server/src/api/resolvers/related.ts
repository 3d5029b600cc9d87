import type { ConnectionType, EntityType } from '@guanxi/shared';
import { listArticles } from '../../graph/listings.ts';
import type { EntityRecord } from '../../graph/records.ts';
import { relatedEntities, type RelatedEntity } from '../../graph/related.ts';
import { bounded, dateWindow } from '../arguments.ts';
import { found, joinFound } from '../loaded.ts';
import { decodeCursor, pageSize, toPage } from '../pagination.ts';
import type { ApiContext } from '../resolvers.ts';
import type { Resolvers } from '../resolver-types.ts';

interface RelatedArgs {
  types?: EntityType[] | null;
  relTypes?: ConnectionType[] | null;
  from?: string | null;
  to?: string | null;
  first: number;
  after?: string | null;
}

/** A related entity as the RelatedEdge resolvers see it: `of` is the entity it is related to. */
export type RelatedRow = RelatedEntity & { of: string; cursor: string; articleCount: number };

export const relatedResolvers: Resolvers = {
  Entity: {
    related: async (entity: EntityRecord, args: RelatedArgs, { graph, loaders }: ApiContext) => {
      const first = pageSize(args.first);
      const after = decodeCursor(args.after, ['number', 'string']) as [number, string] | null;
      const rows = await relatedEntities(graph, {
        id: entity.id, types: args.types ?? null, relTypes: args.relTypes ?? null, ...dateWindow(args), first: first + 1, after,
      });
      const page = toPage(rows, first, (row) => [row.weight, row.id]);
      const nodes = await loaders.entity.loadMany(page.edges.map((e) => e.row.id));
      const edges = page.edges.map((e): RelatedRow => ({ ...e.row, of: entity.id, articleCount: e.row.articles, cursor: e.cursor }));
      return { pageInfo: page.pageInfo, edges: joinFound(edges, nodes, 'node') };
    },
  },
  RelatedEdge: {
    firstDate: (row: RelatedRow) => row.firstDate?.slice(0, 10) ?? null,
    lastDate: (row: RelatedRow) => row.lastDate?.slice(0, 10) ?? null,
    articles: async (row: RelatedRow, { first }: { first: number }, { graph, loaders }: ApiContext) => {
      const listed = await listArticles(graph, { query: null, from: null, to: null, entityIds: [row.of, row.id], source: null }, bounded('first', first, 1, 50), null);
      const articles = await loaders.article.loadMany(listed.map((a) => a.id));
      return found(articles);
    },
  },
};
