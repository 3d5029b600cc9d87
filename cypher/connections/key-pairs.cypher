// Links of a layer written before they had keys (version 2) get them, a page of source entities at
// a time: the same key add.cypher merges on, so no pair is ever written twice.
MATCH (x:Entity)-[c:CO_MENTIONED]->(y:Entity)
WHERE x.id IN $ids AND c.pair IS NULL
SET c.pair = x.id + '\u001f' + y.id
RETURN count(*) AS keyed
