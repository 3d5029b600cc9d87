MATCH (p:Entity)-[:WROTE]->(a:Article {id: $id})
RETURN p.id AS id
ORDER BY p.name
