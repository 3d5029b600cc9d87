// The layer's generation, and the hubs (entities with a ranking) whose stored neighbourhood is not
// of it. A scan of the entities (~0.25 s at 256k), once at the end of an import or a delete.
MATCH (m:GuanxiMeta {key: 'connections'})
WITH coalesce(m.generation, 0) AS generation
OPTIONAL MATCH (n:Entity)
WHERE n.topLinks IS NOT NULL AND coalesce(n.neighbourhoodGeneration, -1) <> generation
RETURN generation, collect(n.id) AS ids
