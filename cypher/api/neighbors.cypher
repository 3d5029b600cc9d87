// One hop out from $ids: the neighbours most strongly tied to them first. $limit + 1 rows tell
// the caller whether it was cut.
CALL {
  MATCH (n:Entity) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Article) WHERE n.id IN $ids RETURN n
}
MATCH (n)-[r]-(m)
WHERE (m:Entity OR m:Article) AND NOT m.id IN $exclude
  AND ($types IS NULL OR (CASE WHEN m:Article THEN 'Article' ELSE m.type END) IN $types)
WITH m, count(r) AS ties
RETURN m.id AS id, ties
ORDER BY ties DESC, COUNT { (m)--() } DESC, id
LIMIT toInteger($limit)
