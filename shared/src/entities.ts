/** The fixed vocabulary of the graph. Labels and relationship types in Cypher come only from here. */
export const ENTITY_TYPES = ['Person', 'Organization', 'Place', 'Project'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relations between entities that an extractor can state, each with the sentence that states it. */
export const RELATION_TYPES = ['HOLDS_POSITION', 'PART_OF', 'LOCATED_IN'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Every relationship type the graph stores (article links first, then entity relations). */
export const EDGE_TYPES = ['MENTIONS', 'WROTE', ...RELATION_TYPES] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export const NODE_TYPES = ['Article', ...ENTITY_TYPES] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** Stable, readable entity id: one node per (type, canonical name). */
export function entityId(type: EntityType, name: string): string {
  return `${type}:${name}`;
}
