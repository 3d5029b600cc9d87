import type { ConnectionType, EntityType } from '@guanxi/shared';
import { connections } from '../../graph/connections.ts';
import { bounded, dateWindow } from '../arguments.ts';
import type { ApiContext } from '../resolvers.ts';
import type { Resolvers } from '../resolver-types.ts';

interface ConnectionArgs {
  ids: string[];
  depth: number;
  types?: EntityType[] | null;
  relTypes?: ConnectionType[] | null;
  minWeight: number;
  maxArticles?: number | null;
  from?: string | null;
  to?: string | null;
  limit: number;
}

export const connectionResolvers: Resolvers = {
  Query: {
    connections: (_: unknown, args: ConnectionArgs, { graph }: ApiContext) =>
      connections(graph, {
        // depth 0 restores a saved view (the given entities and the links among them): more ids.
        ids: args.ids.slice(0, bounded('number of ids', args.ids.length, 1, args.depth === 0 ? 2_000 : 50)),
        depth: bounded('depth', args.depth, 0, 3),
        types: args.types ?? null,
        relTypes: args.relTypes ?? null,
        minWeight: bounded('minWeight', args.minWeight, 0, 1_000_000),
        maxArticles: args.maxArticles == null ? null : bounded('maxArticles', args.maxArticles, 1, 100_000_000),
        limit: bounded('limit', args.limit, 1, 2_000),
        ...dateWindow(args),
      }),
  },
};
