// A page of the connection graph's nodes for `guanxi analyze`: entity ids after $after, in id order
// (a range seek on the unique index, no sort).
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT toInteger($page)
RETURN e.id AS id
