// A page of the entities a whole-collection export keeps, in id order (a range seek on the unique
// index; ids start with the type, so types come grouped). A date window keeps entities whose first
// and last sightings overlap it (cheap, and the same test as their links').
MATCH (e:Entity)
WHERE e.id > $after
  AND ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR coalesce(e.lastSeen, '') >= $from)
  AND ($to IS NULL OR substring(coalesce(e.firstSeen, '~'), 0, 10) <= $to)
RETURN e.id AS id
ORDER BY e.id
LIMIT toInteger($page)
