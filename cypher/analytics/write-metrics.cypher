// A batch of `guanxi analyze`'s results onto the entities (one that has gone since it was read is
// skipped). The driver sends numbers as floats: degree and community are stored as integers.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.degree = toInteger(row.degree),
    e.weightedDegree = toFloat(row.weightedDegree),
    e.pagerank = toFloat(row.pagerank),
    e.betweenness = toFloat(row.betweenness),
    e.community = toInteger(row.community),
    e.metricsAt = datetime($at)
RETURN count(e) AS written
