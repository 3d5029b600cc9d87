MATCH (a:Article {id: $id})-[m:MENTIONS]->(e:Entity)
RETURN e.id AS entityId, m.count AS count, coalesce(m.offsets, []) AS offsets, coalesce(m.sentences, []) AS sentences
ORDER BY m.count DESC, e.name
