import DataLoader from 'dataloader';
import type { Graph } from '../graph/db.ts';
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
