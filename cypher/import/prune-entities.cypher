// An entity with no article link (mention, byline) and no relation left (relations are removed
// with the article that stated them) has no evidence any more: remove it.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT (e)--(:Article) AND NOT (e)-[:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-()
DETACH DELETE e
RETURN count(*) AS pruned
