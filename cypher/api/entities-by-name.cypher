// Entities in name order (ties by id) from the cursor ($k, $id) on, all types.
CALL {
  MATCH (e:Entity) USING INDEX e:Entity(name, id) WHERE e.name = $k AND e.id > $id
  RETURN e ORDER BY e.name, e.id LIMIT toInteger($first)
  UNION
  MATCH (e:Entity) USING INDEX e:Entity(name, id) WHERE e.name > $k AND e.id IS NOT NULL
  RETURN e ORDER BY e.name, e.id LIMIT toInteger($first)
}
RETURN e.id AS id, e.name AS value
ORDER BY value, id
LIMIT toInteger($first)
