UNWIND $authors AS w
MATCH (p:Entity {id: w.person})
MATCH (a:Article {id: w.article})
MERGE (p)-[:WROTE]->(a)
