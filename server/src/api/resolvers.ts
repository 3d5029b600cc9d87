import type { NodeType } from '@guanxi/shared';
import { createGraphQLError } from 'graphql-yoga';
import { edgeFacts } from '../graph/edges.ts';
import * as explore from '../graph/explore.ts';
import * as records from '../graph/records.ts';
import type { ArticleRecord, EntityRecord } from '../graph/records.ts';
import { bounded, dateWindow } from './arguments.ts';
import { found, joinFound } from './loaded.ts';

import type { ApiContext, SearchLimits } from './context.ts';
import type { Resolvers } from './resolver-types.ts';

export { DEFAULT_SEARCH_LIMITS, type ApiContext, type SearchLimits } from './context.ts';

/** Bounds on what one request may ask for, so a single query cannot walk the whole graph. */
const MAX_FIRST = 500;
const MAX_DEPTH = 3;
const MAX_NODES = 2000;

export function searchText(text: string, limits: SearchLimits): string {
  const trimmed = text.trim();
  const reject = (why: string) => {
    throw createGraphQLError(`search text ${why}`, { extensions: { code: 'BAD_USER_INPUT' } });
  };
  if (trimmed.length > limits.maxChars) reject(`is limited to ${limits.maxChars} characters; got ${trimmed.length}`);
  const terms = trimmed.split(/\s+/).filter(Boolean).length;
  if (terms > limits.maxTerms) reject(`is limited to ${limits.maxTerms} words; got ${terms}`);
  return trimmed;
}


export const resolvers: Resolvers = {
  Query: {
    search: (_: unknown, args: { text: string; types?: NodeType[] | null; first: number }, { graph, search }: ApiContext) =>
      explore.search(graph, searchText(args.text, search), args.types ?? null, bounded('first', args.first, 1, MAX_FIRST)),
    entity: (_: unknown, { id }: { id: string }, { loaders }: ApiContext) => loaders.entity.load(id),
    article: (_: unknown, { id }: { id: string }, { loaders }: ApiContext) => loaders.article.load(id),
    neighborhood: (
      _: unknown,
      args: { ids: string[]; depth: number; limit: number; types?: NodeType[] | null; from?: string | null; to?: string | null },
      { graph }: ApiContext,
    ) =>
      explore.neighborhood(
        graph,
        args.ids,
        bounded('depth', args.depth, 0, MAX_DEPTH),
        bounded('limit', args.limit, 1, MAX_NODES),
        args.types ?? null,
        dateWindow(args),
      ),
    edge: async (_: unknown, { id }: { id: string }, { graph, loaders }: ApiContext) => {
      const parsed = explore.parseEdgeId(id);
      if (!parsed) return null;
      const facts = await edgeFacts(graph, parsed.source, parsed.type, parsed.target);
      if (!facts) return null;
      const ends = await explore.nodes(graph, [parsed.source, parsed.target]);
      const source = ends.find((n) => n.id === parsed.source);
      const target = ends.find((n) => n.id === parsed.target);
      if (!source || !target) return null;
      const articles = await loaders.article.loadMany(facts.evidence.map((e) => e.articleId));
      return { ...facts, id, type: parsed.type, source, target, evidence: joinFound(facts.evidence, articles, 'article') };
    },
    stats: (_: unknown, __: unknown, { graph }: ApiContext) => explore.stats(graph),
  },

  Entity: {
    articles: async (entity: EntityRecord, { first }: { first: number }, { graph, loaders }: ApiContext) => {
      const rows = await records.entityArticles(graph, entity.id, bounded('first', first, 1, MAX_FIRST));
      const articles = await loaders.article.loadMany(rows.map((r) => r.articleId));
      return joinFound(rows, articles, 'article');
    },
    positions: async (entity: EntityRecord, _: unknown, { graph, loaders }: ApiContext) => {
      const positions = groupPositions(await records.entityPositions(graph, entity.id));
      const organizations = await loaders.entity.loadMany(positions.map((p) => p.organizationId));
      return joinFound(positions, organizations, 'organization');
    },
    wrote: async (entity: EntityRecord, _: unknown, { graph, loaders }: ApiContext) =>
      found(await loaders.article.loadMany(await records.entityWrote(graph, entity.id))),
  },

  GraphNode: {
    // Asked for by the explorer's time slicer in the article view; batched, and only when asked.
    date: async (node: { id: string; type: string }, _: unknown, { loaders }: ApiContext) =>
      node.type === 'Article' ? ((await loaders.article.load(node.id))?.date ?? null) : null,
  },

  Article: {
    authors: async (article: ArticleRecord, _: unknown, { graph, loaders }: ApiContext) =>
      found(await loaders.entity.loadMany(await records.articleAuthors(graph, article.id))),
    mentions: async (article: ArticleRecord, _: unknown, { graph, loaders }: ApiContext) => {
      const rows = await records.articleMentions(graph, article.id);
      const entities = await loaders.entity.loadMany(rows.map((r) => r.entityId));
      return joinFound(rows, entities, 'entity');
    },
  },
};


type PositionRow = Awaited<ReturnType<typeof records.entityPositions>>[number];

/** One position per (title, organization), however many articles state it: its dates, the latest sentence. */
function groupPositions(rows: PositionRow[]) {
  const groups = new Map<string, { title: string; organizationId: string; dates: Set<string>; latest: PositionRow; statements: number }>();
  for (const row of rows) {
    const key = JSON.stringify([row.title, row.organizationId]);
    const group = groups.get(key) ?? { title: row.title, organizationId: row.organizationId, dates: new Set<string>(), latest: row, statements: 0 };
    if (row.asOf) group.dates.add(row.asOf.slice(0, 10));
    if ((row.asOf ?? '') > (group.latest.asOf ?? '')) group.latest = row;
    group.statements++;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const dates = [...g.dates].sort();
    return { title: g.title, organizationId: g.organizationId, dates, asOf: dates.at(-1) ?? null, evidence: g.latest.evidence, statements: g.statements };
  });
}
