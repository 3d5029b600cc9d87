// The articles that mention an entity, oldest first (the entity's timeline).
MATCH (e:Entity {id: $id})<-[m:MENTIONS]-(a:Article)
RETURN a.id AS articleId, a.date AS date, m.count AS count, coalesce(m.sentences, []) AS sentences
ORDER BY a.date IS NULL, a.date, a.title
LIMIT toInteger($first)
