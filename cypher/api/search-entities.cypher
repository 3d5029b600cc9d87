// Exact names first, then names containing the text, then full-text (cjk bigram) matches on
// names and aliases. $query is the Lucene-escaped form of $text.
CALL {
  MATCH (e:Entity) WHERE e.name = $text
  RETURN e, 100.0 AS score
  UNION
  MATCH (e:Entity) WHERE e.name CONTAINS $text
  RETURN e, 10.0 + 1.0 / size(e.name) AS score
  UNION
  CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($first)}) YIELD node AS e, score
  RETURN e, score
}
WITH e, max(score) AS score
WHERE $types IS NULL OR e.type IN $types
WITH e, score, COUNT { (e)--(:Article) } AS articles
RETURN e.id AS id, e.type AS type, e.name AS label, score, articles
ORDER BY score DESC, articles DESC, label
LIMIT toInteger($first)
