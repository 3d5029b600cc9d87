// As paths-entities, through articles too (mentions and bylines): either end may be an article.
CALL { MATCH (n:Entity {id: $from}) RETURN n AS a UNION MATCH (n:Article {id: $from}) RETURN n AS a }
CALL { MATCH (n:Entity {id: $to}) RETURN n AS b UNION MATCH (n:Article {id: $to}) RETURN n AS b }
MATCH p = allShortestPaths((a)-[:MENTIONS|WROTE|CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH*..6]-(b))
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {source: startNode(r).id, type: type(r), target: endNode(r).id}] AS links
LIMIT toInteger($first)
