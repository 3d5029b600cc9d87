/** The fixed vocabulary of the graph. Labels and relationship types in Cypher come only from here. */
export const ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Project'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Events between entities that sentences of government and business news state (会见, 调研, 签约…),
 * each with its trigger words in `extract/chinese/events.ts` and `extract/english-events.ts`.
 */
export const EVENT_TYPES = ['MET', 'VISITED', 'SIGNED', 'FOUNDED', 'INVESTED_IN', 'DONATED_TO', 'PAIRED_WITH'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Relations between entities that an extractor can state, each with the sentence that states it. */
export const RELATION_TYPES = ['HOLDS_POSITION', 'PART_OF', 'LOCATED_IN', ...EVENT_TYPES] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * The connection graph: entities linked by being named in the same sentence or article
 * (CO_MENTIONED, kept by the importer) and by the relations extraction states.
 */
export const CONNECTION_TYPES = ['CO_MENTIONED', ...RELATION_TYPES] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/** Every relationship type the graph stores (article links first, then entity links). */
export const EDGE_TYPES = ['MENTIONS', 'WROTE', ...CONNECTION_TYPES] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** The article graph's links: what the article view shows (co-mentions are the connection view's). */
export const ARTICLE_VIEW_TYPES = ['MENTIONS', 'WROTE', ...RELATION_TYPES] as const;

export const NODE_TYPES = ['Article', ...ENTITY_TYPES] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** Stable, readable entity id: one node per (type, canonical name). */
export function entityId(type: EntityType, name: string): string {
  return `${type}:${name}`;
}
