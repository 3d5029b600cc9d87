import type { ConnectionType, EntityType } from '@guanxi/shared';
import { listArticles } from '../../graph/listings.ts';
import type { EntityRecord } from '../../graph/records.ts';
import { relatedEntities, type RelatedEntity } from '../../graph/related.ts';
import { bounded, dateWindow } from '../arguments.ts';
import { decodeCursor, pageSize, toPage } from '../pagination.ts';
import type { ApiContext } from '../resolvers.ts';

interface RelatedArgs {
  types?: EntityType[] | null;
  relTypes?: ConnectionType[] | null;
  from?: string | null;
  to?: string | null;
  first: number;
  after?: string | null;
}

type RelatedRow = RelatedEntity & { of: string };

export const relatedResolvers = {
  Entity: {
    related: async (entity: EntityRecord, args: RelatedArgs, { graph, loaders }: ApiContext) => {
      const first = pageSize(args.first);
      const after = decodeCursor(args.after, ['number', 'string']) as [number, string] | null;
      const rows = await relatedEntities(graph, {
        id: entity.id, types: args.types ?? null, relTypes: args.relTypes ?? null, ...dateWindow(args), first: first + 1, after,
      });
      const page = toPage(rows, first, (row) => [row.weight, row.id]);
      const nodes = await loaders.entity.loadMany(page.edges.map((e) => e.row.id));
      return {
        pageInfo: page.pageInfo,
        edges: page.edges
          .map((e, i) => ({ ...e.row, of: entity.id, articleCount: e.row.articles, cursor: e.cursor, node: nodes[i] }))
          .filter((e) => e.node && !(e.node instanceof Error)),
      };
    },
  },
  RelatedEdge: {
    firstDate: (row: RelatedRow) => row.firstDate?.slice(0, 10) ?? null,
    lastDate: (row: RelatedRow) => row.lastDate?.slice(0, 10) ?? null,
    articles: async (row: RelatedRow, { first }: { first: number }, { graph, loaders }: ApiContext) => {
      const listed = await listArticles(graph, { query: null, from: null, to: null, entityIds: [row.of, row.id], source: null }, bounded('first', first, 1, 50), null);
      const articles = await loaders.article.loadMany(listed.map((a) => a.id));
      return articles.filter((a) => a && !(a instanceof Error));
    },
  },
};
