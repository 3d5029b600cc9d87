// Every edge, one per (source, type, target) as in the explorer: parallel relations folded with a weight.
MATCH (n)-[r:MENTIONS|WROTE|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m)
WHERE (n:Entity OR n:Article) AND (m:Entity OR m:Article)
WITH n.id AS source, type(r) AS type, m.id AS target,
     sum(coalesce(r.count, 1)) AS weight, collect(DISTINCT r.title) AS titles
RETURN source, type, target, weight, titles
ORDER BY source, type, target
