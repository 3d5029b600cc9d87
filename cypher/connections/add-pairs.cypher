// Adds a batch's co-mentions, counted by graph/co-mentions.ts from what the batch wrote, to the
// connection layer: for each pair named in the same sentence, CO_MENTIONED gains the articles with
// such a sentence (articles + n), the sentences (weight + n), their dates in its first/last window,
// and sentences as evidence up to $evidence samples (in article order; $sentences holds their
// text, pairs cite positions). One relationship per pair, from the smaller id to the larger, found
// by its key (`pair`, unique) so that a pair with a hub is an index seek, not a walk over the hub's
// links. A new pair is written once, whole; a known one is added to.
UNWIND $pairs AS p
MATCH (x:Entity {id: p.x})
MATCH (y:Entity {id: p.y})
MERGE (x)-[c:CO_MENTIONED {pair: p.x + '\u001f' + p.y}]->(y)
  ON CREATE SET c.weight = p.weight,
                c.articles = p.articles,
                c.firstDate = p.firstDate,
                c.lastDate = p.lastDate,
                c.evidence = [i IN p.evidence | $sentences[toInteger(i)]],
                c.evidenceArticles = p.evidenceArticles
  ON MATCH SET c.weight = c.weight + p.weight,
               c.articles = c.articles + p.articles
// Known pairs only (a new one holds just this batch's articles): dates that widen the window, and
// evidence where the samples are not yet full (most pairs hold theirs and are left alone). The
// articles' list is set before the evidence it is measured by.
WITH c, p WHERE c.articles > p.articles
FOREACH (_ IN CASE WHEN p.firstDate < c.firstDate OR (c.firstDate IS NULL AND p.firstDate IS NOT NULL) THEN [1] ELSE [] END |
  SET c.firstDate = p.firstDate)
FOREACH (_ IN CASE WHEN p.lastDate > c.lastDate OR (c.lastDate IS NULL AND p.lastDate IS NOT NULL) THEN [1] ELSE [] END |
  SET c.lastDate = p.lastDate)
FOREACH (_ IN CASE WHEN size(c.evidence) < $evidence THEN [1] ELSE [] END |
  SET c.evidenceArticles = c.evidenceArticles + p.evidenceArticles[..($evidence - size(c.evidence))],
      c.evidence = c.evidence + [i IN p.evidence[..($evidence - size(c.evidence))] | $sentences[toInteger(i)]])
