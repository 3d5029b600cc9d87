// The connection-graph edges among these entities, one per (source, type, target): co-mentions with
// their weight, articles and dates; stated relations (the same position in several articles) folded,
// weight = statements, with their titles and dates. Same filters as expand.cypher.
// A hub's co-mentions are never walked (tens of thousands of links for at most $ids of them): its
// links to ordinary nodes are found from their side, and the links between two hubs by their key.
// Which nodes count as hubs is chosen by cost: taken in order of links, a node joins the hubs when
// its links outnumber twice the hubs before it (the pairs it adds to seek, a key seek costing about
// two walked links); the hubs are thus a prefix of that order.
MATCH (n:Entity) WHERE n.id IN $ids
WITH n ORDER BY coalesce(n.connections, 0) DESC, n.id
WITH collect(n) AS nodes
WITH nodes, [i IN range(0, size(nodes) - 1) WHERE coalesce(nodes[i].connections, 0) > 2 * i | nodes[i]] AS hubs
CALL {
  WITH nodes
  UNWIND nodes AS n
  MATCH (n)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m:Entity)
  WHERE m.id IN $ids
  RETURN r
UNION
  WITH nodes, hubs
  UNWIND nodes AS n
  WITH n, hubs WHERE 'CO_MENTIONED' IN $relTypes AND NOT n IN hubs
  MATCH (n)-[r:CO_MENTIONED]-(m:Entity)
  WHERE m.id IN $ids
  RETURN r
UNION
  WITH hubs
  UNWIND hubs AS x
  UNWIND hubs AS y
  WITH x, y WHERE 'CO_MENTIONED' IN $relTypes AND x.id < y.id
  MATCH ()-[r:CO_MENTIONED {pair: x.id + '\u001f' + y.id}]->()
  RETURN r
}
WITH startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, r
WHERE type IN $relTypes
  AND ($from IS NULL OR coalesce(r.lastDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.lastDate, r.asOf, r.date), 0, 10) >= $from)
  AND ($to IS NULL OR coalesce(r.firstDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.firstDate, r.asOf, r.date), 0, 10) <= $to)
WITH source, type, target,
     sum(CASE type WHEN 'CO_MENTIONED' THEN r.weight ELSE 1 END) AS weight,
     CASE type WHEN 'CO_MENTIONED' THEN sum(r.articles) ELSE count(DISTINCT r.articleId) END AS articles,
     [t IN collect(DISTINCT r.title) WHERE t IS NOT NULL] AS titles,
     min(coalesce(r.firstDate, r.asOf, r.date)) AS firstDate,
     max(coalesce(r.lastDate, r.asOf, r.date)) AS lastDate
WHERE type <> 'CO_MENTIONED' OR weight >= $minWeight
RETURN source, type, target, weight, articles, titles, firstDate, lastDate
ORDER BY source, type, target
