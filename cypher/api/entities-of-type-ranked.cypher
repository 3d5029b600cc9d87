// As entities-ranked, for one entity type (the index on type, count and id).
CALL {
  MATCH (e:Entity) USING INDEX e:Entity(type, SORT_KEY, id) WHERE e.type = $type AND e.SORT_KEY = $k AND e.id < $id
  RETURN e ORDER BY e.type DESC, e.SORT_KEY DESC, e.id DESC LIMIT toInteger($first)
  UNION
  MATCH (e:Entity) USING INDEX e:Entity(type, SORT_KEY, id) WHERE e.type = $type AND e.SORT_KEY < $k AND e.id IS NOT NULL
  RETURN e ORDER BY e.type DESC, e.SORT_KEY DESC, e.id DESC LIMIT toInteger($first)
}
RETURN e.id AS id, e.SORT_KEY AS value
ORDER BY value DESC, id DESC
LIMIT toInteger($first)
