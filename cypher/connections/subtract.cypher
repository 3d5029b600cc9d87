// Takes these articles' co-mentions out of the connection layer, before their mentions are
// cleared (an update, or a delete): counts go down by exactly what add.cypher put in, their evidence
// goes, and a pair left with no article goes. Where a removed article held the first or last date,
// or its evidence leaves fewer samples than the pair has sentences, those are recounted from the
// mentions of the articles that remain (rare: most articles sit inside a pair's window).
UNWIND $ids AS id
MATCH (a:Article {id: id})-[m1:MENTIONS]->(x:Entity)
MATCH (a)-[m2:MENTIONS]->(y:Entity)
WHERE x.id < y.id
WITH a, x, y, size([s IN m1.sentences WHERE s IN m2.sentences]) AS shared
WHERE shared > 0
MATCH ()-[c:CO_MENTIONED {pair: x.id + '\u001f' + y.id}]->()
// Several removed articles may share a pair: every new value is computed from the pair's current
// one when it is set (the evidence before its articles), never from a list taken before the writes.
SET c.weight = c.weight - shared,
    c.articles = c.articles - 1,
    c.evidence = [i IN range(0, size(c.evidence) - 1) WHERE c.evidenceArticles[i] <> a.id | c.evidence[i]],
    c.evidenceArticles = [x IN c.evidenceArticles WHERE x <> a.id],
    c.stale = coalesce(c.stale, false) OR coalesce(a.date = c.firstDate OR a.date = c.lastDate, false)
WITH DISTINCT c
WITH c, startNode(c) AS x, endNode(c) AS y, c.articles <= 0 AS gone,
     c.stale OR (size(c.evidence) < $evidence AND size(c.evidence) < c.weight) AS recount
CALL {
  WITH c, gone
  WITH c WHERE gone
  DELETE c
}
WITH c, x, y WHERE NOT gone AND recount
CALL {
  WITH x, y
  MATCH (x)<-[n1:MENTIONS]-(o:Article)-[n2:MENTIONS]->(y)
  WHERE NOT o.id IN $ids
  WITH o, [s IN n1.sentences WHERE s IN n2.sentences] AS shared
  WHERE shared <> []
  ORDER BY o.date, o.id
  UNWIND shared AS sentence
  RETURN min(o.date) AS firstDate, max(o.date) AS lastDate, collect([sentence, o.id])[..$evidence] AS samples
}
SET c.firstDate = firstDate,
    c.lastDate = lastDate,
    c.evidence = [s IN samples | s[0]],
    c.evidenceArticles = [s IN samples | s[1]]
REMOVE c.stale
RETURN count(*) AS recounted
