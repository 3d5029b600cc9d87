// A page of the articles a whole-collection export keeps, in id order; a date window keeps dated
// articles inside it.
MATCH (a:Article)
WHERE a.id > $after
  AND ($from IS NULL OR a.sortDate >= $from)
  AND ($to IS NULL OR (a.sortDate <> '' AND substring(a.sortDate, 0, 10) <= $to))
RETURN a.id AS id
ORDER BY a.id
LIMIT toInteger($page)
