UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, e.code AS code,
       // From the degree store: mentions and bylines, without walking a hub's links.
       COUNT { (e)<-[:MENTIONS]-() } + COUNT { (e)-[:WROTE]->() } AS articleCount,
       coalesce(e.connections, 0) AS connectionCount,
       e.firstSeen AS firstSeen, e.lastSeen AS lastSeen,
       // Stored by `guanxi analyze` (cypher/analytics/write-metrics); null before it has run.
       e.degree AS degree, e.weightedDegree AS weightedDegree, e.pagerank AS pagerank,
       e.betweenness AS betweenness, e.community AS community, toString(e.metricsAt) AS metricsAt
