// Before these articles' mentions are cleared: an entity whose first or last sighting is one of
// them must have its window recounted once they are gone (refresh.cypher does it).
UNWIND $ids AS id
MATCH (a:Article {id: id})-[:MENTIONS]->(e:Entity)
WHERE a.date IS NOT NULL AND (a.date = e.firstSeen OR a.date = e.lastSeen)
SET e.seenStale = true
