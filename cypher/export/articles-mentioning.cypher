// The articles that mention any of these entities (inside the window, if one is given): the
// articles of an ego network exported with its articles.
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:MENTIONS]-(a:Article)
WHERE ($from IS NULL OR a.sortDate >= $from)
  AND ($to IS NULL OR (a.sortDate <> '' AND substring(a.sortDate, 0, 10) <= $to))
RETURN DISTINCT a.id AS id
