/** The collection's top entities by a metric `guanxi analyze` stored (API: entities(orderBy: …)). */
import type { EntityType } from '@guanxi/shared';
import { graphql } from './graphql.ts';

export type MetricOrder = 'PAGERANK' | 'BETWEENNESS' | 'DEGREE' | 'WEIGHTED_DEGREE';

export interface RankedEntity {
  id: string;
  type: EntityType;
  name: string;
  value: number;
  community: number | null;
}

export function topEntities(orderBy: MetricOrder, type: EntityType | null, first: number, signal?: AbortSignal) {
  return graphql<{ entities: { edges: { value: number; node: { id: string; type: EntityType; name: string; community: number | null } }[] } }>(
    `query TopByMetric($orderBy: EntityOrder, $type: EntityType, $first: Int) {
      entities(orderBy: $orderBy, type: $type, first: $first) { edges { value node { id type name community } } }
    }`,
    { orderBy, type, first },
    signal,
  ).then((d) => d.entities.edges.map((e): RankedEntity => ({ ...e.node, value: e.value })));
}
