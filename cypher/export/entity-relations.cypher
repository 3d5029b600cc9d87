// The stated relations out of these entities, to entities the export keeps ($keep: the ids of a
// view or ego network; null: any entity passing the type and window filters), parallel statements
// folded into one edge (weight = statements) as in the explorer, each statement's sentence, article,
// date and url kept as evidence. A window keeps statements dated inside it (undated ones stay, as
// in connections/expand).
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m:Entity)
WHERE ($keep IS NULL OR m.id IN $keep)
  AND ($types IS NULL OR m.type IN $types)
  AND ($keep IS NOT NULL OR $from IS NULL OR coalesce(m.lastSeen, '') >= $from)
  AND ($keep IS NOT NULL OR $to IS NULL OR substring(coalesce(m.firstSeen, '~'), 0, 10) <= $to)
OPTIONAL MATCH (a:Article {id: r.articleId})
WITH id, m, type(r) AS type, r, a, substring(coalesce(a.date, r.asOf, r.date), 0, 10) AS day
WHERE ($from IS NULL OR day IS NULL OR day >= $from) AND ($to IS NULL OR day IS NULL OR day <= $to)
ORDER BY day
WITH id, m, type, collect({title: r.title, evidence: r.evidence, article: r.articleId, date: day, url: a.url}) AS s,
     count(DISTINCT r.articleId) AS articles, min(day) AS firstDate, max(day) AS lastDate,
     [t IN collect(DISTINCT r.title) WHERE t IS NOT NULL] AS titles
RETURN id AS source, type, m.id AS target, size(s) AS weight, articles, firstDate, lastDate, titles,
       [x IN s | coalesce(x.evidence, '')] AS evidence, [x IN s | coalesce(x.article, '')] AS evidenceArticles,
       [x IN s | coalesce(x.date, '')] AS evidenceDates, [x IN s | coalesce(x.url, '')] AS evidenceUrls
