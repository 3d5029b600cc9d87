MATCH (p:Entity {id: $id})-[r:HOLDS_POSITION]->(o:Entity)
RETURN r.title AS title, o.id AS organizationId, r.asOf AS asOf, r.evidence AS evidence
ORDER BY r.asOf DESC, title
