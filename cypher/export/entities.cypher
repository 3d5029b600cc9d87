// Entities by id, with the fields of an export (shared/src/export/model.ts) and the metrics
// `guanxi analyze` stores (null until it has run).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases,
       e.articles AS articles, e.connections AS connections,
       substring(e.firstSeen, 0, 10) AS firstSeen, substring(e.lastSeen, 0, 10) AS lastSeen,
       toInteger(e.degree) AS degree, toFloat(e.weightedDegree) AS weightedDegree,
       toFloat(e.pagerank) AS pagerank, toFloat(e.betweenness) AS betweenness,
       toInteger(e.community) AS community, toString(e.metricsAt) AS metricsAt
