// The relationships folded into one edge (source, type, target), with their evidence. Both ends are
// found by their ids, so the planner expands from the end with fewer links (a hub has thousands).
// $type is checked against the fixed list of edge types before it gets here.
CALL { MATCH (n:Entity {id: $source}) RETURN n AS s UNION MATCH (n:Article {id: $source}) RETURN n AS s }
CALL { MATCH (n:Entity {id: $target}) RETURN n AS t UNION MATCH (n:Article {id: $target}) RETURN n AS t }
MATCH (s)-[r]->(t)
WHERE type(r) = $type
RETURN r { .* } AS props
