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
// The samples are two strings joined by U+001E (add-pairs.cypher): split, filtered, joined again.
SET c.weight = c.weight - shared,
    c.articles = c.articles - 1,
    c.evidence = reduce(s = null, i IN range(0, size(coalesce(split(c.evidenceArticles, '\u001e'), [])) - 1) |
                   CASE WHEN split(c.evidenceArticles, '\u001e')[i] = a.id THEN s
                        ELSE coalesce(s + '\u001e', '') + split(c.evidence, '\u001e')[i] END),
    c.evidenceArticles = reduce(s = null, id IN [x IN coalesce(split(c.evidenceArticles, '\u001e'), []) WHERE x <> a.id] |
                           coalesce(s + '\u001e', '') + id),
    c.stale = coalesce(c.stale, false) OR coalesce(a.date = c.firstDate OR a.date = c.lastDate, false)
WITH DISTINCT c
WITH c, startNode(c) AS x, endNode(c) AS y, c.articles <= 0 AS gone,
     size(coalesce(split(c.evidenceArticles, '\u001e'), [])) AS held
WITH c, x, y, gone, c.stale OR (held < $evidence AND held < c.weight) AS recount
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
    c.evidence = reduce(s = null, x IN samples | coalesce(s + '\u001e', '') + x[0]),
    c.evidenceArticles = reduce(s = null, x IN samples | coalesce(s + '\u001e', '') + x[1])
REMOVE c.stale
RETURN count(*) AS recounted
