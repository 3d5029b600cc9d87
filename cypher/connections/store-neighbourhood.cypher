// Keeps a hub's neighbourhood, computed from the layer of $generation, unless a write has moved the
// generation on since (it would be stale already: that write's own upkeep stores it again). Returns
// the current generation, so that the caller can stop once it has moved.
MATCH (m:GuanxiMeta {key: 'connections'})
OPTIONAL MATCH (n:Entity {id: $id})
WHERE n.topLinks IS NOT NULL AND coalesce(m.generation, 0) = $generation
SET n.neighbourhood = $neighbourhood, n.neighbourhoodGeneration = toInteger($generation)
RETURN coalesce(m.generation, 0) AS generation, count(n) AS stored
