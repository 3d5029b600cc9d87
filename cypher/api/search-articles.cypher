CALL {
  MATCH (a:Article) WHERE a.title CONTAINS $text
  RETURN a, 10.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('article_search', $query, {limit: toInteger($first)}) YIELD node AS a, score
  RETURN a, score
}
WITH a, max(score) AS score
RETURN a.id AS id, 'Article' AS type, a.title AS label, score, a.date AS date
ORDER BY score DESC, date DESC
LIMIT toInteger($first)
