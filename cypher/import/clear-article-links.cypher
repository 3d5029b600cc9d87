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
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:MET {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS met, collect(from.id) + collect(to.id) AS metEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:VISITED {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS visited, collect(from.id) + collect(to.id) AS visitedEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:SIGNED {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS signed, collect(from.id) + collect(to.id) AS signedEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:FOUNDED {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS founded, collect(from.id) + collect(to.id) AS foundedEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:INVESTED_IN {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS investedin, collect(from.id) + collect(to.id) AS investedinEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:DONATED_TO {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS donatedto, collect(from.id) + collect(to.id) AS donatedtoEnds
}
CALL {
  WITH a
  OPTIONAL MATCH (from:Entity)-[r:PAIRED_WITH {articleId: a.id}]->(to:Entity)
  RETURN collect(r) AS pairedwith, collect(from.id) + collect(to.id) AS pairedwithEnds
}
FOREACH (r IN positions + parts + locations + met + visited + signed + founded + investedin + donatedto + pairedwith | DELETE r)
WITH linked + positionEnds + partEnds + locationEnds + metEnds + visitedEnds + signedEnds + foundedEnds + investedinEnds + donatedtoEnds + pairedwithEnds AS touched
UNWIND touched AS entityId
RETURN collect(DISTINCT entityId) AS touched
