// Articles whose title or text matches $query (full-text, best first; the best 5,000 matches are
// paged), within the other filters. The cursor is an offset: scores have no stable keyset.
CALL db.index.fulltext.queryNodes('article_search', $query, {limit: 5000}) YIELD node AS a, score
WHERE a.sortDate >= $from AND a.sortDate < $k
  AND ($source IS NULL OR a.source = $source)
  AND all(other IN $entityIds WHERE EXISTS { (a)-[:MENTIONS]->(:Entity {id: other}) })
RETURN a.id AS id, score AS value
ORDER BY score DESC, id
SKIP toInteger($offset)
LIMIT toInteger($first)
