// How many entities of a type have a connection: the bench:api picks the median one.
MATCH (e:Entity) WHERE e.type = $type AND e.connections > 0
RETURN count(e) AS n
