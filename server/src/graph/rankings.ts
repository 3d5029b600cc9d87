import type { EntityType } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';

/**
 * The top entities of a collection or a period: by mentions, by connections, by name, or by a
 * metric of the connection graph (collection-wide only).
 */

export type EntityOrder = 'MENTIONS' | 'CONNECTIONS' | 'NAME' | MetricOrder;
export type MetricOrder = 'PAGERANK' | 'BETWEENNESS' | 'DEGREE' | 'WEIGHTED_DEGREE';

/**
 * Sort keys kept on entities (counts: cypher/entities/refresh.cypher; metrics:
 * cypher/analytics/write-metrics.cypher), each with its indexes in cypher/schema.cypher; the only
 * text put into a query.
 */
export const SORT_KEYS = {
  MENTIONS: 'articles',
  CONNECTIONS: 'connections',
  PAGERANK: 'pagerank',
  BETWEENNESS: 'betweenness',
  DEGREE: 'degree',
  WEIGHTED_DEGREE: 'weightedDegree',
} as const;

/** Orders counted over a period when from/to are given; the metrics are of the whole collection. */
export function periodOrder(order: EntityOrder): order is 'MENTIONS' | 'CONNECTIONS' {
  return order === 'MENTIONS' || order === 'CONNECTIONS';
}

export interface RankingQuery {
  type: EntityType | null;
  orderBy: EntityOrder;
  from: string | null;
  to: string | null;
  /** Rows to fetch (a page and one more). */
  first: number;
  /** The last row's sort key and id, from the cursor. */
  after: [number | string, string] | null;
}

export interface RankedEntity {
  id: string;
  /** The count ranked by (articles or connections, in the period when one is given), or the name. */
  value: number | string;
}

export async function rankEntities(graph: Graph, q: RankingQuery): Promise<RankedEntity[]> {
  if (q.orderBy === 'NAME') {
    const [k, id] = q.after ?? ['', ''];
    return graph.read<RankedEntity>(cypher(q.type ? 'api/entities-of-type-by-name' : 'api/entities-by-name'), { k, id, type: q.type, first: q.first });
  }
  const [k, id] = q.after ?? [Number.MAX_SAFE_INTEGER, ''];
  if ((q.from || q.to) && periodOrder(q.orderBy)) {
    return graph.read<RankedEntity>(cypher('api/entities-in-window'), {
      from: q.from ?? '0',
      // sortDate may carry a time after the day: '~' sorts after any of it.
      to: `${q.to ?? '9999-12-31'}~`,
      type: q.type,
      by: SORT_KEYS[q.orderBy],
      k,
      id,
      first: q.first,
    });
  }
  const file = q.type ? 'api/entities-of-type-ranked' : 'api/entities-ranked';
  const query = cypher(file).replaceAll('SORT_KEY', SORT_KEYS[q.orderBy]);
  return graph.read<RankedEntity>(query, { type: q.type, k, id, first: q.first });
}
