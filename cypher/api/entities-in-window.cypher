// The top entities of a period: counted over the articles dated in [$from, $to] (an index range
// on sortDate), by articles that mention them or by the entities named with them there.
MATCH (a:Article) USING INDEX a:Article(sortDate, id)
WHERE a.sortDate >= $from AND a.sortDate <= $to AND a.id IS NOT NULL
MATCH (a)-[:MENTIONS]->(e:Entity)
WHERE $type IS NULL OR e.type = $type
WITH e, collect(a) AS articles
WITH e, CASE $by
  WHEN 'connections' THEN COUNT { MATCH (e)<-[:MENTIONS]-(b:Article)-[:MENTIONS]->(o:Entity) WHERE b IN articles AND o <> e RETURN DISTINCT o }
  ELSE size(articles) END AS value
WHERE value < $k OR (value = $k AND e.id > $id)
RETURN e.id AS id, value
ORDER BY value DESC, e.id
LIMIT toInteger($first)
