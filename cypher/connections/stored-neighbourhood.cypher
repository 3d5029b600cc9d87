// A hub's depth-1 neighbourhood as store-neighbourhood.cypher kept it (graph/hub-upkeep.ts), if no
// write has changed the layer since (its generation still the current one); else no row.
MATCH (n:Entity {id: $id})
WHERE n.neighbourhood IS NOT NULL
MATCH (m:GuanxiMeta {key: 'connections'})
WHERE n.neighbourhoodGeneration = coalesce(m.generation, 0)
RETURN n.neighbourhood AS neighbourhood
