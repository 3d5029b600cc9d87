// The stored connection layer, in recount.cypher's shape, with the evidence split into
// lists (for the tests).
MATCH (x:Entity)-[c:CO_MENTIONED]->(y:Entity)
RETURN x.id AS source, y.id AS target, c.weight AS weight, c.articles AS articles,
       c.firstDate AS firstDate, c.lastDate AS lastDate, coalesce(split(c.evidence, '\u001e'), []) AS evidence,
       coalesce(split(c.evidenceArticles, '\u001e'), []) AS evidenceArticles
ORDER BY source, target
