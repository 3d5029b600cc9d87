// Every article and entity, shaped like the explorer's nodes.
CALL {
  MATCH (n:Entity) RETURN n
  UNION ALL
  MATCH (n:Article) RETURN n
}
RETURN n.id AS id,
       CASE WHEN n:Article THEN 'Article' ELSE n.type END AS type,
       coalesce(n.name, n.title) AS label,
       CASE WHEN n:Article THEN COUNT { (n)-[:MENTIONS]->() } ELSE COUNT { (n)--(:Article) } END AS weight
ORDER BY type, id
