MATCH (p:Entity {id: $id})-[:WROTE]->(a:Article)
RETURN a.id AS articleId
ORDER BY a.date DESC
