// One hop out from $ids in the article graph (articles, their mentions and bylines, stated
// relations; co-mentions are the connection view's), articles dated outside [$from, $to] left out:
// the neighbours most strongly tied to them first. $limit + 1 rows tell the caller whether it was cut.
CALL {
  MATCH (n:Entity) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Article) WHERE n.id IN $ids RETURN n
}
// A hub (a city in every article) has tens of thousands of links: each node's are read up to
// $scan of them, so a hub costs a bounded read; the caller says the answer is truncated.
CALL {
  WITH n
  MATCH (n)-[r:MENTIONS|WROTE|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m)
  WITH r, m LIMIT toInteger($scan)
  RETURN r, m
}
WITH r, m
WHERE (m:Entity OR m:Article) AND NOT m.id IN $exclude
  AND ($from IS NULL OR NOT m:Article OR substring(m.date, 0, 10) >= $from)
  AND ($to IS NULL OR NOT m:Article OR substring(m.date, 0, 10) <= $to)
  AND ($types IS NULL OR (CASE WHEN m:Article THEN 'Article' ELSE m.type END) IN $types)
WITH m, count(r) AS ties
RETURN m.id AS id, ties
ORDER BY ties DESC, COUNT { (m)--() } DESC, id
LIMIT toInteger($limit)
