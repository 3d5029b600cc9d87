// Articles by the full-text index on title and body; $query weighs title matches up (see
// graph/search.ts). No title CONTAINS branch: it read every article (a label scan), and the
// index already finds a title's words.
CALL db.index.fulltext.queryNodes('article_search', $query, {limit: toInteger($first)}) YIELD node AS a, score
RETURN a.id AS id, a.title AS label, score, a.date AS date
ORDER BY score DESC, date DESC
LIMIT toInteger($first)
