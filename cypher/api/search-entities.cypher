// Entities as a name index answers: exact name, exact alias, exact pinyin or initials, then names
// (or pinyin) starting with the text, then names containing it, then full-text (cjk bigram) matches
// on names and aliases. Each branch is an index seek cut at $candidates, so a one-character search
// (王: thousands of names) reads a bounded number of nodes; the type filter is inside each branch
// so that it cannot empty a cut list. Articles are counted only for the $pool best candidates, by
// the MENTIONS degree (no label on the far end: the degree store answers, no relationship is read).
// $text: trimmed text; $aliasKey: ' ' + $text; $latin: pinyin key or null; $query: Lucene query.
// UNION ALL: the aggregation after it merges an entity found by several branches. Scores: NAME 100, ALIAS 90, PINYIN 80 (initials 70), PREFIX 20+ (pinyin 15+), contains 10+, full-text < 10.
// The name-index branches run first; contains and full-text only when those found fewer than $first
// entities: every hit of theirs scores below every hit of the first ones, so it could not be in
// the answer otherwise — and for one common character (王) they cost most of the query (a CONTAINS
// on the text index walks every term of the index).
CALL {
  MATCH (e:Entity) WHERE e.name = $text AND ($types IS NULL OR e.type IN $types)
  RETURN e, 'NAME' AS matchedBy, 100.0 AS score LIMIT toInteger($candidates)
  UNION ALL
  MATCH (e:Entity) WHERE e.aliasText CONTAINS $aliasKey AND $text IN e.aliases AND ($types IS NULL OR e.type IN $types)
  RETURN e, 'ALIAS' AS matchedBy, 90.0 AS score LIMIT toInteger($candidates)
  UNION ALL
  MATCH (e:Entity) WHERE e.pinyin = $latin AND ($types IS NULL OR e.type IN $types)
  RETURN e, 'PINYIN' AS matchedBy, 80.0 AS score LIMIT toInteger($candidates)
  UNION ALL
  MATCH (e:Entity) WHERE e.initials = $latin AND ($types IS NULL OR e.type IN $types)
  RETURN e, 'PINYIN' AS matchedBy, 70.0 AS score LIMIT toInteger($candidates)
  UNION ALL
  MATCH (e:Entity) WHERE e.name STARTS WITH $text AND ($types IS NULL OR e.type IN $types)
  RETURN e, 'PREFIX' AS matchedBy, 20.0 + 1.0 / size(e.name) AS score LIMIT toInteger($candidates)
  UNION ALL
  MATCH (e:Entity) WHERE e.pinyin STARTS WITH $latin AND ($types IS NULL OR e.type IN $types)
  RETURN e, 'PREFIX' AS matchedBy, 15.0 + 1.0 / size(e.pinyin) AS score LIMIT toInteger($candidates)
}
WITH e, matchedBy, score ORDER BY score DESC
WITH e, collect(matchedBy)[0] AS matchedBy, max(score) AS score
WITH collect({e: e, matchedBy: matchedBy, score: score}) AS named
CALL {
  WITH named
  WITH named WHERE size(named) < $first
  CALL {
    MATCH (e:Entity) WHERE e.name CONTAINS $text AND ($types IS NULL OR e.type IN $types)
    RETURN e, 'TEXT' AS matchedBy, 10.0 + 1.0 / size(e.name) AS score LIMIT toInteger($candidates)
    UNION ALL
    CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($candidates)}) YIELD node AS e, score
    WITH e, score WHERE $types IS NULL OR e.type IN $types
    // Lucene scores are unbounded; squeezed below 10 they rank after every name match, in their own order.
    RETURN e, 'TEXT' AS matchedBy, 10.0 * score / (score + 1.0) AS score
  }
  RETURN collect({e: e, matchedBy: matchedBy, score: score}) AS texts
}
UNWIND named + texts AS hit
WITH hit.e AS e, hit.matchedBy AS matchedBy, hit.score AS score ORDER BY score DESC
WITH e, collect(matchedBy)[0] AS matchedBy, max(score) AS score
ORDER BY score DESC
LIMIT toInteger($pool)
WITH e, matchedBy, score, COUNT { (e)<-[:MENTIONS]-() } AS articles
RETURN e.id AS id, e.type AS type, e.name AS label, score, articles, matchedBy
ORDER BY score DESC, articles DESC, label
LIMIT toInteger($first)
