import type { NodeType } from '@guanxi/shared';
import { createGraphQLError } from 'graphql-yoga';
import type { Graph } from '../graph/db.ts';
import { edgeFacts } from '../graph/edges.ts';
import * as explore from '../graph/explore.ts';
import * as records from '../graph/records.ts';
import type { ArticleRecord, EntityRecord } from '../graph/records.ts';
import { bounded, dateWindow } from './arguments.ts';
import type { Loaders } from './loaders.ts';

export interface ApiContext {
  graph: Graph;
  loaders: Loaders;
  search: SearchLimits;
}

/** How much text one search may carry: full-text engines turn every term into a clause. */
export interface SearchLimits {
  maxChars: number;
  maxTerms: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxChars: 200, maxTerms: 32 };

/** Bounds on what one request may ask for, so a single query cannot walk the whole graph. */
const MAX_FIRST = 500;
const MAX_DEPTH = 3;
const MAX_NODES = 2000;

function searchText(text: string, limits: SearchLimits): string {
  const trimmed = text.trim();
  const reject = (why: string) => {
    throw createGraphQLError(`search text ${why}`, { extensions: { code: 'BAD_USER_INPUT' } });
  };
  if (trimmed.length > limits.maxChars) reject(`is limited to ${limits.maxChars} characters; got ${trimmed.length}`);
  const terms = trimmed.split(/\s+/).filter(Boolean).length;
  if (terms > limits.maxTerms) reject(`is limited to ${limits.maxTerms} words; got ${terms}`);
  return trimmed;
}

const present = <T>(items: (T | null)[]): T[] => items.filter((x): x is T => x !== null);

export const resolvers = {
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
        bounded('depth', args.depth, 1, MAX_DEPTH),
        bounded('limit', args.limit, 1, MAX_NODES),
        args.types ?? null,
        dateWindow(args),
      ),
    paths: (_: unknown, args: { from: string; to: string; maxLength: number; first: number }, { graph }: ApiContext) =>
      explore.paths(graph, args.from, args.to, bounded('maxLength', args.maxLength, 1, 8), bounded('first', args.first, 1, 50)),
    timeline: async (_: unknown, args: { entityId: string; first: number }, { graph, loaders }: ApiContext) => {
      const rows = await records.entityArticles(graph, args.entityId, bounded('first', args.first, 1, MAX_FIRST));
      const articles = await loaders.article.loadMany(rows.map((r) => r.articleId));
      return rows.map((r, i) => ({ date: r.date, count: r.count, article: articles[i] }));
    },
    edge: async (_: unknown, { id }: { id: string }, { graph, loaders }: ApiContext) => {
      const parsed = explore.parseEdgeId(id);
      if (!parsed) return null;
      const facts = await edgeFacts(graph, parsed.source, parsed.type, parsed.target);
      if (!facts) return null;
      const [source, target] = await explore.nodes(graph, [parsed.source, parsed.target]).then((found) => [
        found.find((n) => n.id === parsed.source),
        found.find((n) => n.id === parsed.target),
      ]);
      const articles = await loaders.article.loadMany(facts.evidence.map((e) => e.articleId));
      return {
        ...facts,
        id,
        type: parsed.type,
        source,
        target,
        evidence: facts.evidence.map((e, i) => ({ sentence: e.sentence, article: okOrNull(articles[i] ?? null) })).filter((e) => e.article),
      };
    },
    stats: (_: unknown, __: unknown, { graph }: ApiContext) => explore.stats(graph),
  },

  Entity: {
    articles: async (entity: EntityRecord, { first }: { first: number }, { graph, loaders }: ApiContext) => {
      const rows = await records.entityArticles(graph, entity.id, bounded('first', first, 1, MAX_FIRST));
      const articles = await loaders.article.loadMany(rows.map((r) => r.articleId));
      return rows.map((r, i) => ({ article: articles[i], count: r.count, sentences: r.sentences }));
    },
    positions: async (entity: EntityRecord, _: unknown, { graph, loaders }: ApiContext) => {
      const rows = await records.entityPositions(graph, entity.id);
      const organizations = await loaders.entity.loadMany(rows.map((r) => r.organizationId));
      return rows.map((r, i) => ({ ...r, organization: organizations[i] })).filter((p) => p.organization);
    },
    wrote: async (entity: EntityRecord, _: unknown, { graph, loaders }: ApiContext) =>
      present(await loaders.article.loadMany(await records.entityWrote(graph, entity.id)).then((r) => r.map(okOrNull))),
  },

  Article: {
    authors: async (article: ArticleRecord, _: unknown, { graph, loaders }: ApiContext) =>
      present(await loaders.entity.loadMany(await records.articleAuthors(graph, article.id)).then((r) => r.map(okOrNull))),
    mentions: async (article: ArticleRecord, _: unknown, { graph, loaders }: ApiContext) => {
      const rows = await records.articleMentions(graph, article.id);
      const entities = await loaders.entity.loadMany(rows.map((r) => r.entityId));
      return rows.map((r, i) => ({ ...r, entity: entities[i] })).filter((m) => m.entity);
    },
  },
};

function okOrNull<T>(value: T | Error | null): T | null {
  return value instanceof Error ? null : value;
}
