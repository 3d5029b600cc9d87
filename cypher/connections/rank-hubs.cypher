// Ranks the links of some hubs that writes marked (graph/hub-ranking.ts): the ids of their $keep
// strongest neighbours, strongest first, by the strength expand.cypher ranks by. An entity that has
// dropped to $rankFrom links or fewer loses its list.
MATCH (n:LinksUnranked)
WITH n LIMIT toInteger($batch)
CALL {
  WITH n
  MATCH (n)-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m:Entity)
  WHERE n.connections > $rankFrom
  WITH m, sum(CASE type(r) WHEN 'CO_MENTIONED' THEN r.weight + r.articles ELSE 1 END) AS strength
  ORDER BY strength DESC, m.id
  LIMIT toInteger($keep)
  RETURN collect(m.id) AS top
}
SET n.topLinks = CASE WHEN n.connections > $rankFrom THEN top ELSE null END
REMOVE n:LinksUnranked
RETURN count(*) AS ranked
