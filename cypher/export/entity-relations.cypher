// The stated relations out of these entities (sorted ids), to entities the export keeps ($keep: the
// ids of a view or ego network): one flat row a statement, with its sentence, title, article and
// date, the rows of an entity together. The reader folds a pair's parallel statements into one edge
// (weight = statements) as the explorer does, and adds their articles' dates and urls.
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m:Entity)
WHERE m.id IN $keep
  AND ($types IS NULL OR m.type IN $types)
RETURN id AS source, type(r) AS type, m.id AS target, r.title AS title, r.evidence AS evidence,
       r.articleId AS article, substring(coalesce(r.asOf, r.date), 0, 10) AS asOf
