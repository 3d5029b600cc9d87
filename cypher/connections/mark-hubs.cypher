// Marks for rank-hubs.cypher every entity with more than $rankFrom co-mentions, and every one that
// holds a ranking: once, when a database's layer predates the rankings (a scan of the entities).
MATCH (e:Entity)
WHERE e.connections > $rankFrom OR e.topLinks IS NOT NULL
SET e:LinksUnranked
