UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.code AS code,
       // From the degree store: mentions and bylines, without walking a hub's links.
       COUNT { (e)<-[:MENTIONS]-() } + COUNT { (e)-[:WROTE]->() } AS articleCount,
       coalesce(e.connections, 0) AS connectionCount,
       e.firstSeen AS firstSeen, e.lastSeen AS lastSeen
