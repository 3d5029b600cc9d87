// A page of the entities a whole-collection export keeps, with their export fields, after $after in
// id order (a range seek on the unique index, no sort; ids start with the type, so types come
// grouped). Streamed: one flat row an entity. A date window keeps entities whose first and last
// sightings overlap it (the same test as their links').
MATCH (e:Entity)
WHERE e.id > $after
  AND ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR coalesce(e.lastSeen, '') >= $from)
  AND ($to IS NULL OR substring(coalesce(e.firstSeen, '~'), 0, 10) <= $to)
WITH e ORDER BY e.id LIMIT toInteger($page)
RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases,
       e.articles AS articles, e.connections AS connections,
       substring(e.firstSeen, 0, 10) AS firstSeen, substring(e.lastSeen, 0, 10) AS lastSeen,
       toInteger(e.degree) AS degree, toFloat(e.weightedDegree) AS weightedDegree,
       toFloat(e.pagerank) AS pagerank, toFloat(e.betweenness) AS betweenness,
       toInteger(e.community) AS community, toString(e.metricsAt) AS metricsAt
