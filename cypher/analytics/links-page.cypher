// A page of the connection graph for `guanxi analyze`: the entities after $after in id order (the
// unique constraint's index), each with the links that start at it. A CO_MENTIONED runs from the
// smaller id to the larger and a typed relation from its subject, so each link is read once in all.
// Weight: a co-mention's sentences naming both plus articles naming both (the strength the API ranks
// links by; a pair named only in separate sentences has weight 0 but still 1 article); a typed relation
// counts 1 (shared/src/analytics folds a pair).
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT toInteger($first)
CALL {
  WITH e
  OPTIONAL MATCH (e)-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN]->(m:Entity)
  RETURN collect(m.id) AS targets,
         collect(CASE WHEN r IS NULL THEN null WHEN type(r) = 'CO_MENTIONED' THEN r.weight + r.articles ELSE 1 END) AS weights
}
RETURN e.id AS id, targets, weights
