// Ranks the links of some hubs that writes marked (graph/hub-ranking.ts): the ids of their $keep
// strongest neighbours, strongest first, by the strength expand.cypher ranks by. An entity that has
// dropped to $rankFrom links or fewer loses its list, and its stored neighbourhood (graph/hub-upkeep.ts).
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
WITH n, top, n.connections > $rankFrom AS hub
SET n.topLinks = CASE WHEN hub THEN top ELSE null END,
    n.neighbourhood = CASE WHEN hub THEN n.neighbourhood ELSE null END,
    n.neighbourhoodGeneration = CASE WHEN hub THEN n.neighbourhoodGeneration ELSE null END
REMOVE n:LinksUnranked
RETURN count(*) AS ranked
