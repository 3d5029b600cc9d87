// Adds the co-mentions of these (stored) articles to the connection layer, as add-pairs.cypher does
// for a batch being written (rebuilding a layer uses this one): for each pair of entities named in
// the same sentence, CO_MENTIONED gains the articles with such a sentence (articles + n), the
// sentences (weight + n), their dates in its first/last window, and sentences as evidence
// up to $evidence samples (in article order), kept as add-pairs.cypher keeps them (two strings
// joined by U+001E). One relationship per pair, from the smaller id to the
// larger, found by its key (`pair`, unique) so that a pair with a hub is an index seek, not a walk
// over the hub's links; a batch's articles are summed per pair first, so each pair is written once.
UNWIND $ids AS id
MATCH (a:Article {id: id})-[m1:MENTIONS]->(x:Entity)
MATCH (a)-[m2:MENTIONS]->(y:Entity)
WHERE x.id < y.id
WITH a, x, y, [s IN m1.sentences WHERE s IN m2.sentences] AS shared
WHERE shared <> []
ORDER BY a.sortDate, a.id
WITH x, y, sum(size(shared)) AS weight, count(*) AS articles, min(a.date) AS firstDate, max(a.date) AS lastDate,
     collect([s IN shared | [s, a.id]]) AS perArticle
WITH x, y, weight, articles, firstDate, lastDate,
     reduce(all = [], samples IN perArticle | all + samples)[..toInteger($evidence)] AS samples
MERGE (x)-[c:CO_MENTIONED {pair: x.id + '\u001f' + y.id}]->(y)
  ON CREATE SET c.weight = 0, c.articles = 0
WITH c, weight, articles, firstDate, lastDate, samples, size(coalesce(split(c.evidenceArticles, '\u001e'), [])) AS held
SET c.weight = c.weight + weight,
    c.articles = c.articles + articles,
    c.firstDate = CASE WHEN firstDate IS NOT NULL AND (c.firstDate IS NULL OR firstDate < c.firstDate) THEN firstDate ELSE c.firstDate END,
    c.lastDate = CASE WHEN lastDate IS NOT NULL AND (c.lastDate IS NULL OR lastDate > c.lastDate) THEN lastDate ELSE c.lastDate END
// Most pairs already hold their samples: their evidence is left alone rather than rewritten. The
// articles' list is set before the evidence it is measured by.
FOREACH (_ IN CASE WHEN held < $evidence AND size(samples) > 0 THEN [1] ELSE [] END |
  SET c.evidenceArticles = reduce(s = c.evidenceArticles, x IN samples[..($evidence - held)] | coalesce(s + '\u001e', '') + x[1]),
      c.evidence = reduce(s = c.evidence, x IN samples[..($evidence - held)] | coalesce(s + '\u001e', '') + x[0]))
RETURN count(*) AS pairs
