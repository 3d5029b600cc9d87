// The connection-graph edges among these entities, one per (source, type, target), in one row (below): co-mentions with
// their weight, articles and dates; stated relations (the same position in several articles) folded,
// weight = statements, with their titles and dates. Same filters as expand.cypher.
// A hub's co-mentions are never walked (tens of thousands of links for at most $ids of them): its
// links to ordinary nodes are found from their side, and the links between two hubs by their key.
// Which nodes count as hubs is chosen by cost: taken in order of links, a node joins the hubs when
// its links outnumber ten times the hubs before it (the pairs it adds to seek). On the 100k bench
// collection a key seek cost ~3.8 µs, mostly finding no pair, and a walked link ~0.7: factors of 6
// to 16 were equally fast, 46 ms down to 32 on a hub's neighbourhood, and 2 (the old guess) seeks
// 7,381 pairs for 520 links. The hubs are a prefix of that order.
// Neighbours are told by node, not by id (`m IN nodes`), and edges are grouped by their end nodes,
// whose ids are read once an edge: on a hub's neighbourhood that took a third of the db hits. The far
// end has no label in the pattern: `m IN nodes` already makes it an entity, and the label check cost a
// db hit for each of the ~16,000 relationships walked (a quarter of a hub's).
MATCH (n:Entity) WHERE n.id IN $ids
WITH n ORDER BY coalesce(n.connections, 0) DESC, n.id
WITH collect(n) AS nodes
WITH nodes, [i IN range(0, size(nodes) - 1) WHERE coalesce(nodes[i].connections, 0) > 10 * i | nodes[i]] AS hubs
CALL {
  WITH nodes
  UNWIND nodes AS n
  MATCH (n)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]->(m)
  WHERE m IN nodes AND type(r) IN $relTypes
    AND ($from IS NULL OR coalesce(r.asOf, r.date) IS NULL OR substring(coalesce(r.asOf, r.date), 0, 10) >= $from)
    AND ($to IS NULL OR coalesce(r.asOf, r.date) IS NULL OR substring(coalesce(r.asOf, r.date), 0, 10) <= $to)
  WITH n, type(r) AS type, m,
       count(r) AS weight,
       count(DISTINCT r.articleId) AS articles,
       collect(DISTINCT r.title) AS titles,
       min(coalesce(r.asOf, r.date)) AS firstDate,
       max(coalesce(r.asOf, r.date)) AS lastDate
  RETURN n.id AS source, type, m.id AS target, weight, articles, titles, firstDate, lastDate
UNION
  // A co-mention is one relationship a pair: nothing to fold.
  WITH nodes, hubs
  UNWIND nodes AS n
  WITH n, nodes, hubs WHERE 'CO_MENTIONED' IN $relTypes AND NOT n IN hubs
  MATCH (n)-[r:CO_MENTIONED]-(m)
  WHERE m IN nodes AND r.weight >= $minWeight
    AND ($from IS NULL OR r.lastDate IS NULL OR substring(r.lastDate, 0, 10) >= $from)
    AND ($to IS NULL OR r.firstDate IS NULL OR substring(r.firstDate, 0, 10) <= $to)
  RETURN startNode(r).id AS source, 'CO_MENTIONED' AS type, endNode(r).id AS target, r.weight AS weight,
         r.articles AS articles, [] AS titles, r.firstDate AS firstDate, r.lastDate AS lastDate
UNION
  // Each pair once, smaller id first, its key a value of its own before the seek: with the order
  // checked after it, the planner sought every ordered pair, half of them keys that cannot exist.
  WITH hubs
  WITH [x IN hubs | x.id] AS hubIds
  UNWIND range(0, size(hubIds) - 2) AS i
  UNWIND hubIds[i + 1..] AS other
  WITH hubIds[i] AS one, other WHERE 'CO_MENTIONED' IN $relTypes
  WITH one, other, CASE WHEN one < other THEN one + '\u001f' + other ELSE other + '\u001f' + one END AS pair
  MATCH ()-[r:CO_MENTIONED {pair: pair}]->()
  WHERE r.weight >= $minWeight
    AND ($from IS NULL OR r.lastDate IS NULL OR substring(r.lastDate, 0, 10) >= $from)
    AND ($to IS NULL OR r.firstDate IS NULL OR substring(r.firstDate, 0, 10) <= $to)
  RETURN CASE WHEN one < other THEN one ELSE other END AS source, 'CO_MENTIONED' AS type,
         CASE WHEN one < other THEN other ELSE one END AS target, r.weight AS weight,
         r.articles AS articles, [] AS titles, r.firstDate AS firstDate, r.lastDate AS lastDate
}
// One row of edges, each a list: a hub's 6,500 edges as records cost the driver a fifth of the time.
WITH source, type, target, weight, articles, titles, firstDate, lastDate
ORDER BY source, type, target
RETURN collect([source, type, target, weight, articles, titles, firstDate, lastDate]) AS edges
