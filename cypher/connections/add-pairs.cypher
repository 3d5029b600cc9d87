// Adds a batch's co-mentions, counted by graph/co-mentions.ts from what the batch wrote, to the
// connection layer: for each pair, CO_MENTIONED gains the articles (articles + n), the sentences the
// pair shares in them (weight + n), their dates in its first/last window, and sentences as evidence
// up to $evidence samples (in article order; $sentences holds their text, pairs cite positions).
// One relationship per pair, from the smaller id to the larger, found by its key (`pair`, unique) so
// that a pair with a hub is an index seek, not a walk over the hub's links.
UNWIND $pairs AS p
MATCH (x:Entity {id: p.x})
MATCH (y:Entity {id: p.y})
MERGE (x)-[c:CO_MENTIONED {pair: p.x + '\u001f' + p.y}]->(y)
  ON CREATE SET c.weight = 0, c.articles = 0, c.evidence = [], c.evidenceArticles = []
SET c.weight = c.weight + p.weight,
    c.articles = c.articles + p.articles,
    c.firstDate = CASE WHEN p.firstDate IS NOT NULL AND (c.firstDate IS NULL OR p.firstDate < c.firstDate) THEN p.firstDate ELSE c.firstDate END,
    c.lastDate = CASE WHEN p.lastDate IS NOT NULL AND (c.lastDate IS NULL OR p.lastDate > c.lastDate) THEN p.lastDate ELSE c.lastDate END
// Most pairs already hold their samples: their evidence is left alone rather than rewritten. The
// articles' list is set before the evidence it is measured by.
FOREACH (_ IN CASE WHEN size(c.evidence) < $evidence AND size(p.evidence) > 0 THEN [1] ELSE [] END |
  SET c.evidenceArticles = c.evidenceArticles + p.evidenceArticles[..($evidence - size(c.evidence))],
      c.evidence = c.evidence + [i IN p.evidence[..($evidence - size(c.evidence))] | $sentences[toInteger(i)]])
RETURN count(*) AS pairs
