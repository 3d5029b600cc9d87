// The relationships folded into one explorer edge (source, type, target), with their evidence.
// $type is checked against the fixed list of edge types before it gets here.
CALL { MATCH (n:Entity {id: $source}) RETURN n AS s UNION MATCH (n:Article {id: $source}) RETURN n AS s }
MATCH (s)-[r]->(t)
WHERE t.id = $target AND type(r) = $type
RETURN r { .* } AS props
