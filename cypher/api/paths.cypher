// Shortest paths between two nodes; the fixed bound keeps the search small, $maxLength trims it.
CALL { MATCH (n:Entity {id: $from}) RETURN n AS a UNION MATCH (n:Article {id: $from}) RETURN n AS a }
CALL { MATCH (n:Entity {id: $to}) RETURN n AS b UNION MATCH (n:Article {id: $to}) RETURN n AS b }
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE length(p) <= $maxLength
RETURN [n IN nodes(p) | n.id] AS ids
LIMIT toInteger($first)
