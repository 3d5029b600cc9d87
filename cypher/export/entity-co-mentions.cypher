// The co-mentions out of these entities (sorted ids), to entities the export keeps ($keep: the ids
// of a view or ego network; null: any entity passing the type filter), with their evidence. One
// relationship per pair (smaller id to larger), so each is read once. A window keeps pairs whose
// first–last dates overlap it. At most $rows rows after ($afterSource, $afterTarget) in (source,
// target) order: a page holding a hub (tens of thousands of pairs) comes in several, so memory
// holds $rows pairs however large the hub. Most of a whole export's rows are these; the dates and
// urls of the evidence articles are looked up once per page (export/article-refs).
UNWIND $ids AS id
WITH id WHERE id >= $afterSource
MATCH (e:Entity {id: id})-[c:CO_MENTIONED]->(m:Entity)
WHERE (id > $afterSource OR m.id > $afterTarget)
  AND ($keep IS NULL OR m.id IN $keep)
  AND ($types IS NULL OR m.type IN $types)
  AND ($from IS NULL OR coalesce(c.lastDate, '') >= $from)
  AND ($to IS NULL OR substring(coalesce(c.firstDate, '~'), 0, 10) <= $to)
WITH id, m, c
ORDER BY id, m.id
LIMIT toInteger($rows)
RETURN id AS source, 'CO_MENTIONED' AS type, m.id AS target, c.weight AS weight, c.articles AS articles,
       substring(c.firstDate, 0, 10) AS firstDate, substring(c.lastDate, 0, 10) AS lastDate, [] AS titles,
       coalesce(c.evidence, '') AS evidence, coalesce(c.evidenceArticles, '') AS evidenceArticles
