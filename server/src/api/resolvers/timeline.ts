import { timeline, type Bucket } from '../../graph/timeline.ts';
import { bounded, dateWindow } from '../arguments.ts';
import type { ApiContext } from '../resolvers.ts';
import type { Resolvers } from '../resolver-types.ts';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: (_: unknown, args: { ids?: string[] | null; bucket: Bucket; from?: string | null; to?: string | null }, { graph }: ApiContext) => {
      const ids = args.ids ?? [];
      bounded('number of ids', ids.length, 0, 100);
      const { from, to } = dateWindow(args);
      return timeline(graph, ids, args.bucket, from, to);
    },
  },
};
