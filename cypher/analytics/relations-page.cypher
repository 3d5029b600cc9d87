// The typed relations of the connection graph out of a page of entities (after $after in id order,
// the unique index, no sort) for `guanxi analyze`: a row a statement, weight 1 (the reader folds a
// pair into one edge, the heaviest of its links). An entity with none gives one row with a null
// target, so that the page's last entity (the next page's cursor) is always seen.
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT toInteger($page)
OPTIONAL MATCH (e)-[:HOLDS_POSITION|PART_OF|LOCATED_IN]->(m:Entity)
RETURN e.id AS source, m.id AS target
