MATCH (e:Entity) WHERE e.id > $after
RETURN e.id AS id ORDER BY e.id LIMIT toInteger($first)
