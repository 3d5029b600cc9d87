// The nodes of an explorer view, split into entities and articles, with the export's filters:
// entity types, and a date window (entities whose sightings overlap it, articles dated inside it).
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
  WHERE ($types IS NULL OR e.type IN $types)
    AND ($from IS NULL OR coalesce(e.lastSeen, '') >= $from)
    AND ($to IS NULL OR substring(coalesce(e.firstSeen, '~'), 0, 10) <= $to)
OPTIONAL MATCH (a:Article {id: id})
  WHERE ($from IS NULL OR a.sortDate >= $from)
    AND ($to IS NULL OR (a.sortDate <> '' AND substring(a.sortDate, 0, 10) <= $to))
RETURN collect(e.id) AS entities, collect(a.id) AS articles
