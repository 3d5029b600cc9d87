// The connection-graph links out of these entities, to entities the export keeps ($keep: the ids of
// a view or ego network; null: any entity passing the type and window filters), with provenance.
// Co-mentions are one relationship per pair (smaller id to larger), so each is read once; parallel
// statements of a relation are folded into one edge (weight = statements), as in the explorer.
// A window keeps links whose first–last dates overlap it (undated relations stay, as in expand).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL {
  WITH e
  MATCH (e)-[c:CO_MENTIONED]->(m:Entity)
  WHERE ($keep IS NULL OR m.id IN $keep)
    AND ($types IS NULL OR m.type IN $types)
    AND ($from IS NULL OR coalesce(c.lastDate, '') >= $from)
    AND ($to IS NULL OR substring(coalesce(c.firstDate, '~'), 0, 10) <= $to)
  CALL {
    WITH c
    UNWIND coalesce(c.evidenceArticles, []) AS articleId
    OPTIONAL MATCH (a:Article {id: articleId})
    RETURN collect(coalesce(substring(a.date, 0, 10), '')) AS dates, collect(coalesce(a.url, '')) AS urls
  }
  RETURN m.id AS target, 'CO_MENTIONED' AS type, c.weight AS weight, c.articles AS articles,
         substring(c.firstDate, 0, 10) AS firstDate, substring(c.lastDate, 0, 10) AS lastDate, [] AS titles,
         coalesce(c.evidence, []) AS evidence, coalesce(c.evidenceArticles, []) AS evidenceArticles,
         dates AS evidenceDates, urls AS evidenceUrls
  UNION ALL
  WITH e
  MATCH (e)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN]->(m:Entity)
  WHERE ($keep IS NULL OR m.id IN $keep)
    AND ($types IS NULL OR m.type IN $types)
    AND ($keep IS NOT NULL OR $from IS NULL OR coalesce(m.lastSeen, '') >= $from)
    AND ($keep IS NOT NULL OR $to IS NULL OR substring(coalesce(m.firstSeen, '~'), 0, 10) <= $to)
  OPTIONAL MATCH (a:Article {id: r.articleId})
  WITH m, type(r) AS type, r, a, substring(coalesce(a.date, r.asOf), 0, 10) AS day
  WHERE ($from IS NULL OR day IS NULL OR day >= $from) AND ($to IS NULL OR day IS NULL OR day <= $to)
  ORDER BY day
  WITH m, type, collect({title: r.title, evidence: r.evidence, article: r.articleId, date: day, url: a.url}) AS s,
       count(DISTINCT r.articleId) AS articles, min(day) AS firstDate, max(day) AS lastDate,
       [t IN collect(DISTINCT r.title) WHERE t IS NOT NULL] AS titles
  RETURN m.id AS target, type, size(s) AS weight, articles, firstDate, lastDate, titles,
         [x IN s | coalesce(x.evidence, '')] AS evidence, [x IN s | coalesce(x.article, '')] AS evidenceArticles,
         [x IN s | coalesce(x.date, '')] AS evidenceDates, [x IN s | coalesce(x.url, '')] AS evidenceUrls
}
RETURN e.id AS source, type, target, weight, articles, firstDate, lastDate, titles,
       evidence, evidenceArticles, evidenceDates, evidenceUrls
