// As entities-by-name, for one entity type.
CALL {
  MATCH (e:Entity) USING INDEX e:Entity(type, name, id) WHERE e.type = $type AND e.name = $k AND e.id > $id
  RETURN e ORDER BY e.type, e.name, e.id LIMIT toInteger($first)
  UNION
  MATCH (e:Entity) USING INDEX e:Entity(type, name, id) WHERE e.type = $type AND e.name > $k AND e.id IS NOT NULL
  RETURN e ORDER BY e.type, e.name, e.id LIMIT toInteger($first)
}
RETURN e.id AS id, e.name AS value
ORDER BY value, id
LIMIT toInteger($first)
