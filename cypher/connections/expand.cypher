// One hop out from $ids in the connection graph: the entities tied to them, strongest first.
// A hub may have tens of thousands of links: one that keeps its ranked neighbours (topLinks, see
// graph/hub-ranking.ts) has its co-mentions read from the first $ranked of them; links are otherwise
// read up to $scan of them (in storage order) rather than all, so one hub costs a bounded read. The
// caller says the result is truncated when a node was read from its ranking or had more links than
// the scan. Filters: neighbour types, link types, co-mention weight,
// links seen in [$from, $to] (undated links stay), and neighbours named in more than $maxArticles
// articles (a city in every article) left out.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL {
  // A hub's strongest neighbours are hubs too: their co-mentions are key seeks, not walks …
  WITH n
  WITH n WHERE n.topLinks IS NOT NULL
  UNWIND n.topLinks[..toInteger($ranked)] AS neighbour
  MATCH (m:Entity {id: neighbour})
  // The key as a value of its own: written inline, the planner joined it against every co-mention.
  WITH m, CASE WHEN n.id < neighbour THEN n.id + '\u001f' + neighbour ELSE neighbour + '\u001f' + n.id END AS pair
  MATCH ()-[r:CO_MENTIONED {pair: pair}]->()
  RETURN r, m
UNION
  // … and its stated relations (posts held in an organization, places in a province) are sampled, up
  // to as many as the neighbours read: checking each ranked neighbour for them walked both nodes'
  // links, and an organization like 纪委 states more than the $scan of any other node. (The links
  // among the neighbours found, these included, are all read by among.cypher.)
  WITH n
  WITH n WHERE n.topLinks IS NOT NULL
  MATCH (n)-[r:HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m:Entity)
  WITH r, m LIMIT toInteger($ranked)
  RETURN r, m
UNION
  WITH n
  WITH n WHERE n.topLinks IS NULL
  MATCH (n)-[r:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-(m:Entity)
  WITH r, m LIMIT toInteger($scan)
  RETURN r, m
}
WITH n, r, m
WHERE type(r) IN $relTypes
  AND NOT m.id IN $exclude
  AND ($types IS NULL OR m.type IN $types)
  AND (type(r) <> 'CO_MENTIONED' OR r.weight >= $minWeight)
  AND ($from IS NULL OR coalesce(r.lastDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.lastDate, r.asOf, r.date), 0, 10) >= $from)
  AND ($to IS NULL OR coalesce(r.firstDate, r.asOf, r.date) IS NULL OR substring(coalesce(r.firstDate, r.asOf, r.date), 0, 10) <= $to)
  AND ($maxArticles IS NULL OR coalesce(m.articles, 0) <= $maxArticles)
WITH m, sum(CASE type(r) WHEN 'CO_MENTIONED' THEN r.weight + r.articles ELSE 1 END) AS strength
ORDER BY strength DESC, m.id
WITH collect(m.id) AS ranked
CALL {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  WHERE n.topLinks IS NOT NULL
     OR COUNT { (n)-[:CO_MENTIONED|HOLDS_POSITION|PART_OF|LOCATED_IN|MET|VISITED|SIGNED|FOUNDED|INVESTED_IN|DONATED_TO|PAIRED_WITH]-() } > $scan
  RETURN collect(n.id) AS sampled
}
RETURN size(ranked) AS total, ranked[..toInteger($limit)] AS ids, sampled
