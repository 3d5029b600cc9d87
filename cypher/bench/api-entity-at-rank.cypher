// The bench:api's ordinary node: the entity of a type at a rank by connection count, fewest first.
MATCH (e:Entity) WHERE e.type = $type AND e.connections > 0
RETURN e.id AS id, e.name AS name, e.connections AS connections
ORDER BY e.connections, e.id
SKIP toInteger($skip) LIMIT 1
