// Every article-graph edge between the given nodes (co-mentions are the connection view's), one per (source, type, target): parallel relations (the same
// position stated by several articles) are folded into one edge with a weight.
CALL {
  MATCH (n:Entity) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Article) WHERE n.id IN $ids RETURN n
}
MATCH (n)-[r:MENTIONS|WROTE|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m)
WHERE m.id IN $ids AND (m:Entity OR m:Article)
WITH n.id AS source, type(r) AS type, m.id AS target,
     sum(coalesce(r.count, 1)) AS weight, collect(DISTINCT r.title) AS titles
RETURN source, type, target, weight, titles
