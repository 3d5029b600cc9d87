// The shortest connections between two entities through entities only (co-mentions and stated
// relations). The bound is a literal, the API's maximum, so the search is a breadth-first one from
// both ends; shorter limits are applied to its answers (a WHERE on the length would turn it into an
// exhaustive search). The transaction timeout bounds it on any graph.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {source: startNode(r).id, type: type(r), target: endNode(r).id}] AS links
LIMIT toInteger($first)
