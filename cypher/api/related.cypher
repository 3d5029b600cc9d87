// The entities linked to one entity, strongest first (co-mention weight + statements), from the
// cursor ($k, $mid) on; links read up to $scan (a hub's are ranked from a bounded sample).
MATCH (n:Entity {id: $id})
CALL {
  WITH n
  MATCH (n)-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m:Entity)
  WITH r, m LIMIT toInteger($scan)
  RETURN r, m
}
WITH r, m
WHERE type(r) IN $relTypes
  AND ($types IS NULL OR m.type IN $types)
  AND ($from IS NULL OR coalesce(r.lastDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.lastDate, r.asOf, r.date), 0, 10) >= $from)
  AND ($to IS NULL OR coalesce(r.firstDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.firstDate, r.asOf, r.date), 0, 10) <= $to)
WITH m,
     sum(CASE type(r) WHEN 'CO_MENTIONED' THEN r.weight ELSE 1 END) AS weight,
     sum(CASE type(r) WHEN 'CO_MENTIONED' THEN r.articles ELSE 0 END) AS articles,
     collect(DISTINCT type(r)) AS types,
     [t IN collect(DISTINCT r.title) WHERE t IS NOT NULL] AS titles,
     min(coalesce(r.firstDate, r.asOf, r.date)) AS firstDate,
     max(coalesce(r.lastDate, r.asOf, r.date)) AS lastDate
WHERE weight < $k OR (weight = $k AND m.id > $mid)
RETURN m.id AS id, weight, articles, types, titles, firstDate, lastDate
ORDER BY weight DESC, id
LIMIT toInteger($first)
