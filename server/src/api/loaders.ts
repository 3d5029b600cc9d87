import DataLoader from 'dataloader';
import { parseEdgeId } from '@guanxi/shared';
import type { Graph } from '../graph/db.ts';
import { edgeFacts, type EdgeFacts } from '../graph/edges.ts';
import { articlesById, entitiesById, type ArticleRecord, type EntityRecord } from '../graph/records.ts';

/** Per-request loaders: a page of results that names 50 entities costs one query, not 50. */
export function createLoaders(graph: Graph) {
  return {
    entity: new DataLoader<string, EntityRecord | null>(async (ids) => {
      const found = await entitiesById(graph, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    article: new DataLoader<string, ArticleRecord | null>(async (ids) => {
      const found = await articlesById(graph, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** What stands behind an edge, by edge id: each asked once a request (path steps share edges). */
    edgeFacts: new DataLoader<string, EdgeFacts | null>(
      async (ids) =>
        Promise.all(
          ids.map((id) => {
            const edge = parseEdgeId(id);
            return edge ? edgeFacts(graph, edge.source, edge.type, edge.target) : null;
          }),
        ),
      { batchScheduleFn: (run) => setImmediate(run) },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
