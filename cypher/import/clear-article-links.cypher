// Before an article is (re)written: drop its mentions, bylines and the relations it stated,
// and return the entities they touched, so those left without evidence can be pruned.
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[link:MENTIONS|WROTE]-(e:Entity)
WITH id, collect(link) AS links, collect(DISTINCT e.id) AS touched
FOREACH (link IN links | DELETE link)
WITH id, touched
OPTIONAL MATCH (from:Entity)-[stated:HOLDS_POSITION|PART_OF|LOCATED_IN]->(to:Entity)
  WHERE stated.articleId = id
WITH touched, collect(stated) AS relations, collect(from.id) + collect(to.id) AS ends
FOREACH (r IN relations | DELETE r)
UNWIND touched + ends AS entityId
RETURN collect(DISTINCT entityId) AS touched
