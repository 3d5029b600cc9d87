// The article-graph links of these articles: their mentions of entities the export keeps, with the
// sentences naming them as evidence (up to $evidence), and bylines by kept people. $keep: the ids of
// a view or ego network; null: any entity passing the type and window filters.
UNWIND $ids AS id
MATCH (a:Article {id: id})
WITH a, substring(a.date, 0, 10) AS day
CALL {
  WITH a, day
  MATCH (a)-[r:MENTIONS]->(m:Entity)
  WHERE ($keep IS NULL OR m.id IN $keep)
    AND ($types IS NULL OR m.type IN $types)
  WITH a, day, r, m, coalesce(r.sentences, [])[..toInteger($evidence)] AS sentences
  RETURN a.id AS source, 'MENTIONS' AS type, m.id AS target, r.count AS weight, sentences AS evidence
  UNION ALL
  WITH a, day
  MATCH (m:Entity)-[:WROTE]->(a)
  WHERE ($keep IS NULL OR m.id IN $keep)
    AND ($types IS NULL OR m.type IN $types)
    AND ($keep IS NOT NULL OR $from IS NULL OR coalesce(m.lastSeen, '') >= $from)
    AND ($keep IS NOT NULL OR $to IS NULL OR substring(coalesce(m.firstSeen, '~'), 0, 10) <= $to)
  RETURN m.id AS source, 'WROTE' AS type, a.id AS target, 1 AS weight, [] AS evidence
}
RETURN source, type, target, weight, 1 AS articles, day AS firstDate, day AS lastDate, [] AS titles,
       evidence, [s IN evidence | a.id] AS evidenceArticles, [s IN evidence | coalesce(day, '')] AS evidenceDates,
       [s IN evidence | coalesce(a.url, '')] AS evidenceUrls
