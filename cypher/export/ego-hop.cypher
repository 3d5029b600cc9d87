// One hop of an ego network in the connection graph: the entities tied to $ids not yet $seen,
// strongest ties first, up to $limit. Filters as in connections/expand: neighbour types, and links
// seen in [$from, $to] (undated relations stay).
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m:Entity)
WHERE NOT m.id IN $seen
  AND ($types IS NULL OR m.type IN $types)
  AND ($from IS NULL OR coalesce(r.lastDate, r.asOf) IS NULL OR substring(coalesce(r.lastDate, r.asOf), 0, 10) >= $from)
  AND ($to IS NULL OR coalesce(r.firstDate, r.asOf) IS NULL OR substring(coalesce(r.firstDate, r.asOf), 0, 10) <= $to)
WITH m, sum(CASE type(r) WHEN 'CO_MENTIONED' THEN r.weight + r.articles ELSE 1 END) AS strength
ORDER BY strength DESC, m.id
RETURN m.id AS id
LIMIT toInteger($limit)
