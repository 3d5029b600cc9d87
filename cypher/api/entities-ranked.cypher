// The top entities by a count kept on them (SORT_KEY: articles or connections, from the fixed list
// in server/src/graph/rankings.ts), most first, ties by id descending: the order of the index on
// (count, id) read backwards. A page starts after the cursor ($k, $id): the rest of its tie, then
// the smaller counts — two index reads (hinted: on a small database the planner would rather scan),
// no OR for the planner to turn into a scan.
CALL {
  MATCH (e:Entity) USING INDEX e:Entity(SORT_KEY, id) WHERE e.SORT_KEY = $k AND e.id < $id
  RETURN e ORDER BY e.SORT_KEY DESC, e.id DESC LIMIT toInteger($first)
  UNION
  MATCH (e:Entity) USING INDEX e:Entity(SORT_KEY, id) WHERE e.SORT_KEY < $k AND e.id IS NOT NULL
  RETURN e ORDER BY e.SORT_KEY DESC, e.id DESC LIMIT toInteger($first)
}
RETURN e.id AS id, e.SORT_KEY AS value
ORDER BY value DESC, id DESC
LIMIT toInteger($first)
