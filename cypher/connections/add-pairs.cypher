// Adds a batch's co-mentions, counted by graph/co-mentions.ts from what the batch wrote, to the
// connection layer: for each pair named in the same sentence, CO_MENTIONED gains the articles with
// such a sentence (articles + n), the sentences (weight + n), their dates in its first/last window,
// and sentences as evidence up to $evidence samples (in article order; $sentences holds their
// text, pairs cite positions). The samples are kept as two strings, the sentences and their
// articles' ids each joined by U+001E (control characters never reach stored text): a list of
// strings costs Neo4j several times as much to read back as one string, on every export and edge
// read (docs/benchmarks.md, bench:export). One relationship per pair, from the smaller id to the larger, found
// by its key (`pair`, unique) so that a pair with a hub is an index seek, not a walk over the hub's
// links.
// A pair is looked up first and created only where absent: a MERGE cost three times as much (most
// of a batch's pairs are new). The lookup is a locking seek of the unique key, so another import
// writing the same pair waits for this transaction and then finds the pair
// (tests/integration/connections.test.ts).
UNWIND $pairs AS p
WITH p, p.x + '\u001f' + p.y AS key
OPTIONAL MATCH ()-[c:CO_MENTIONED {pair: key}]->()
CALL {
  WITH p, key, c
  WITH p, key WHERE c IS NULL
  MATCH (x:Entity {id: p.x})
  MATCH (y:Entity {id: p.y})
  CREATE (x)-[:CO_MENTIONED {pair: key, weight: p.weight, articles: p.articles, firstDate: p.firstDate, lastDate: p.lastDate,
                             evidence: reduce(s = null, i IN p.evidence | coalesce(s + '\u001e', '') + $sentences[toInteger(i)]),
                             evidenceArticles: reduce(s = null, id IN p.evidenceArticles | coalesce(s + '\u001e', '') + id)}]->(y)
}
// Known pairs: counts added, dates that widen the window, and evidence where the samples are not
// yet full (most pairs hold theirs and are left alone).
WITH c, p WHERE c IS NOT NULL
WITH c, p, size(coalesce(split(c.evidenceArticles, '\u001e'), [])) AS held
SET c.weight = c.weight + p.weight,
    c.articles = c.articles + p.articles
FOREACH (_ IN CASE WHEN p.firstDate < c.firstDate OR (c.firstDate IS NULL AND p.firstDate IS NOT NULL) THEN [1] ELSE [] END |
  SET c.firstDate = p.firstDate)
FOREACH (_ IN CASE WHEN p.lastDate > c.lastDate OR (c.lastDate IS NULL AND p.lastDate IS NOT NULL) THEN [1] ELSE [] END |
  SET c.lastDate = p.lastDate)
FOREACH (_ IN CASE WHEN held < $evidence THEN [1] ELSE [] END |
  SET c.evidenceArticles = reduce(s = c.evidenceArticles, id IN p.evidenceArticles[..($evidence - held)] | coalesce(s + '\u001e', '') + id),
      c.evidence = reduce(s = c.evidence, i IN p.evidence[..($evidence - held)] | coalesce(s + '\u001e', '') + $sentences[toInteger(i)]))
