// The counts an entity is ranked by, kept on it so that "the top people" is an index read, not a
// count over every entity: articles that mention it and entities it is co-mentioned with (both
// read from Neo4j's degree store, not by walking links), and a recount of its first and last
// sighting where mark-stale.cypher said a removed article held one; hubs are marked for ranking.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.articles = COUNT { (e)<-[:MENTIONS]-() },
    e.connections = COUNT { (e)-[:CO_MENTIONED]-() }
// A hub's ranked neighbours (hub-ranking.ts) are redone once the import is over.
FOREACH (_ IN CASE WHEN e.connections > $rankFrom OR e.topLinks IS NOT NULL THEN [1] ELSE [] END | SET e:LinksUnranked)
WITH e WHERE e.seenStale
CALL {
  WITH e
  MATCH (e)<-[:MENTIONS]-(a:Article)
  RETURN min(a.date) AS first, max(a.date) AS last
}
SET e.firstSeen = first, e.lastSeen = last
REMOVE e.seenStale
