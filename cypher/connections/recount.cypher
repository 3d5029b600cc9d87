// The connection layer as a full recount from the mentions (pairs that share a sentence): what add/subtract must keep equal to
// (checked by the tests), and what `rebuild` writes for a database imported before the layer existed.
MATCH (x:Entity)<-[m1:MENTIONS]-(a:Article)-[m2:MENTIONS]->(y:Entity)
WHERE x.id < y.id
WITH x, y, a, size([s IN m1.sentences WHERE s IN m2.sentences]) AS shared
WHERE shared > 0
RETURN x.id AS source, y.id AS target, sum(shared) AS weight, count(a) AS articles,
       min(a.date) AS firstDate, max(a.date) AS lastDate
ORDER BY source, target
