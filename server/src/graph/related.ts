import { CONNECTION_TYPES, type ConnectionType, type EntityType } from '@guanxi/shared';
import { cypher } from './cypher.ts';
import type { Graph } from './db.ts';
import { HUB_SCAN } from './explore.ts';

/** An entity's connections as a ranked list: who it is linked to most, and how. */

export interface RelatedQuery {
  id: string;
  types: EntityType[] | null;
  relTypes: ConnectionType[] | null;
  from: string | null;
  to: string | null;
  first: number;
  /** The last row's weight and id, from the cursor. */
  after: [number, string] | null;
}

export interface RelatedEntity {
  id: string;
  /** Sentences naming both, plus stated relations. */
  weight: number;
  /** Articles naming both. */
  articles: number;
  types: ConnectionType[];
  titles: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export function relatedEntities(graph: Graph, q: RelatedQuery): Promise<RelatedEntity[]> {
  const [k, mid] = q.after ?? [Number.MAX_SAFE_INTEGER, ''];
  return graph.read<RelatedEntity>(cypher('api/related'), {
    id: q.id,
    types: q.types,
    relTypes: q.relTypes ?? [...CONNECTION_TYPES],
    from: q.from,
    to: q.to,
    k,
    mid,
    first: q.first,
    scan: HUB_SCAN,
  });
}
