// Adds the co-mentions of these (just written) articles to the connection layer: for each pair of
// entities an article mentions, CO_MENTIONED gains the article (articles + 1), the sentences they
// share (weight + n), the article's date in its first/last window, and sentences as evidence up to
// $evidence samples. One relationship per pair, from the smaller id to the larger.
UNWIND $ids AS id
MATCH (a:Article {id: id})-[m1:MENTIONS]->(x:Entity)
MATCH (a)-[m2:MENTIONS]->(y:Entity)
WHERE x.id < y.id
WITH a, x, y, [s IN m1.sentences WHERE s IN m2.sentences] AS shared
MERGE (x)-[c:CO_MENTIONED]->(y)
  ON CREATE SET c.weight = 0, c.articles = 0, c.evidence = [], c.evidenceArticles = []
// Several articles of a batch may share a pair: every value is computed from the pair's current one
// as it is set (the articles' list before the evidence it is measured by), never from a value taken
// before the writes, which the planner may read for all rows first.
SET c.weight = c.weight + size(shared),
    c.articles = c.articles + 1,
    c.firstDate = CASE WHEN a.date IS NOT NULL AND (c.firstDate IS NULL OR a.date < c.firstDate) THEN a.date ELSE c.firstDate END,
    c.lastDate = CASE WHEN a.date IS NOT NULL AND (c.lastDate IS NULL OR a.date > c.lastDate) THEN a.date ELSE c.lastDate END,
    c.evidenceArticles = c.evidenceArticles + [s IN shared[..($evidence - size(c.evidence))] | a.id],
    c.evidence = c.evidence + shared[..($evidence - size(c.evidence))]
RETURN count(*) AS pairs
