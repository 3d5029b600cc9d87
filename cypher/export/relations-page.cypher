// The stated relations out of a page of the entities a whole-collection export keeps (after $after
// in id order, up to $upTo — one of the ranges read at once, U+FFFF for the end; a seek between the
// two on the unique index, no sort): one flat row a statement, with its sentence, title, article and
// date, the rows of an entity together. The reader folds a pair's parallel statements into one edge
// and adds their articles' dates and urls. An entity with no relation kept gives one row with a null
// type, so that the page's last entity (the next page's cursor) is always seen.
MATCH (e:Entity)
WHERE e.id > $after AND e.id <= $upTo
  AND ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR coalesce(e.lastSeen, '') >= $from)
  AND ($to IS NULL OR substring(coalesce(e.firstSeen, '~'), 0, 10) <= $to)
WITH e ORDER BY e.id LIMIT toInteger($page)
OPTIONAL MATCH (e)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m:Entity)
  WHERE ($types IS NULL OR m.type IN $types)
    AND ($from IS NULL OR coalesce(m.lastSeen, '') >= $from)
    AND ($to IS NULL OR substring(coalesce(m.firstSeen, '~'), 0, 10) <= $to)
RETURN e.id AS source, type(r) AS type, m.id AS target, r.title AS title, r.evidence AS evidence,
       r.articleId AS article, substring(coalesce(r.asOf, r.date), 0, 10) AS asOf
