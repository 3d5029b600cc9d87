// Graph nodes for these ids, shaped for Cytoscape. Weight: articles behind an entity (mentions and
// bylines), entities in an article. Counted from Neo4j's degree store (a relationship type and
// direction, no label on the far end), not by walking a hub's links.
CALL {
  MATCH (n:Entity) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Article) WHERE n.id IN $ids RETURN n
}
RETURN n.id AS id,
       CASE WHEN n:Article THEN 'Article' ELSE n.type END AS type,
       coalesce(n.name, n.title) AS label,
       CASE WHEN n:Article THEN COUNT { (n)-[:MENTIONS]->() }
            ELSE COUNT { (n)<-[:MENTIONS]-() } + COUNT { (n)-[:WROTE]->() } END AS weight
