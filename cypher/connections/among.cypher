// The connection-graph edges among these entities, one per (source, type, target): co-mentions with
// their weight, articles and dates; stated relations (the same position in several articles) folded,
// weight = statements, with their titles and dates. Same filters as expand.cypher.
MATCH (n:Entity) WHERE n.id IN $ids
MATCH (n)-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m:Entity)
WHERE m.id IN $ids AND type(r) IN $relTypes
  AND ($from IS NULL OR coalesce(r.lastDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.lastDate, r.asOf, r.date), 0, 10) >= $from)
  AND ($to IS NULL OR coalesce(r.firstDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.firstDate, r.asOf, r.date), 0, 10) <= $to)
WITH n.id AS source, type(r) AS type, m.id AS target, r
WITH source, type, target,
     sum(CASE type WHEN 'CO_MENTIONED' THEN r.weight ELSE 1 END) AS weight,
     CASE type WHEN 'CO_MENTIONED' THEN sum(r.articles) ELSE count(DISTINCT r.articleId) END AS articles,
     [t IN collect(DISTINCT r.title) WHERE t IS NOT NULL] AS titles,
     min(coalesce(r.firstDate, r.asOf, r.date)) AS firstDate,
     max(coalesce(r.lastDate, r.asOf, r.date)) AS lastDate
WHERE type <> 'CO_MENTIONED' OR weight >= $minWeight
RETURN source, type, target, weight, articles, titles, firstDate, lastDate
ORDER BY source, type, target
