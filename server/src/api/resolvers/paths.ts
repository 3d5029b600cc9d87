import type { GraphEdge } from '@guanxi/shared';
import { shortestPaths, MAX_HOPS, type FoundPath, type PathVia } from '../../graph/paths.ts';
import { bounded } from '../arguments.ts';
import { joinFound } from '../loaded.ts';
import type { ApiContext } from '../resolvers.ts';
import type { Resolvers } from '../resolver-types.ts';

export const pathResolvers: Resolvers = {
  Query: {
    paths: (_: unknown, args: { from: string; to: string; maxHops: number; first: number; via: PathVia }, { graph }: ApiContext) =>
      shortestPaths(graph, args.from, args.to, bounded('maxHops', args.maxHops, 1, MAX_HOPS), bounded('first', args.first, 1, 20), args.via),
  },
  Path: {
    steps: (path: FoundPath) => path.edges,
  },
  PathStep: {
    edge: (edge: GraphEdge) => edge,
    label: async (edge: GraphEdge, _: unknown, { loaders }: ApiContext) => (await loaders.edgeFacts.load(edge.id))?.label ?? null,
    weight: async (edge: GraphEdge, _: unknown, { loaders }: ApiContext) => (await loaders.edgeFacts.load(edge.id))?.weight ?? 0,
    evidence: async (edge: GraphEdge, { first }: { first: number }, { loaders }: ApiContext) => {
      const facts = await loaders.edgeFacts.load(edge.id);
      const evidence = (facts?.evidence ?? []).slice(0, bounded('first', first, 0, 50));
      const articles = await loaders.article.loadMany(evidence.map((e) => e.articleId));
      return joinFound(evidence, articles, 'article');
    },
  },
};
