import { ENTITY_TYPES, type NodeType } from '@guanxi/shared';
import type { SearchHit } from '../api/queries.ts';

export interface HitGroup {
  type: NodeType;
  hits: SearchHit[];
}

/**
 * Suggestions as the list shows them: entities grouped by type (groups in the order of their best
 * hit, so the likeliest meaning comes first), then articles. Within a group the server's order stays.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<NodeType, SearchHit[]>();
  for (const hit of hits) {
    if (hit.type === 'Article') continue;
    const list = groups.get(hit.type) ?? [];
    list.push(hit);
    groups.set(hit.type, list);
  }
  const entities = [...groups.entries()]
    .sort(([a], [b]) => hits.findIndex((h) => h.type === a) - hits.findIndex((h) => h.type === b) || ENTITY_TYPES.indexOf(a as never) - ENTITY_TYPES.indexOf(b as never))
    .map(([type, list]) => ({ type, hits: list }));
  const articles = hits.filter((h) => h.type === 'Article');
  return articles.length > 0 ? [...entities, { type: 'Article', hits: articles }] : entities;
}

/** The flat order keyboard navigation walks. */
export function flatHits(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.hits);
}
