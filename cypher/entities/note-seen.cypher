// After these articles are written: widen the first/last sighting of the entities they mention.
UNWIND $ids AS id
MATCH (a:Article {id: id})-[:MENTIONS]->(e:Entity)
WITH e, min(a.date) AS first, max(a.date) AS last
SET e.firstSeen = CASE WHEN first IS NOT NULL AND (e.firstSeen IS NULL OR first < e.firstSeen) THEN first ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN last IS NOT NULL AND (e.lastSeen IS NULL OR last > e.lastSeen) THEN last ELSE e.lastSeen END
