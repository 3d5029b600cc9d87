// Before an article is (re)written: drop its mentions, bylines and the relations it stated,
// and return the entities they touched, so those left without evidence can be pruned.
// Relations are looked up per type so that each uses its articleId index; each subquery
// aggregates, so an article without relations keeps its row.
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[link:MENTIONS|WROTE]-(e:Entity)
WITH a, collect(link) AS links, collect(e.id) AS linked
FOREACH (link IN links | DELETE link)
WITH a, linked
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:HOLDS_POSITION {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS positions, collect(from.id) + collect(to.id) AS positionEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:PART_OF {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS parts, collect(from.id) + collect(to.id) AS partEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:LOCATED_IN {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS locations, collect(from.id) + collect(to.id) AS locationEnds
}
FOREACH (r IN positions + parts + locations | DELETE r)
WITH linked + positionEnds + partEnds + locationEnds AS touched
UNWIND touched AS entityId
RETURN collect(DISTINCT entityId) AS touched
