// A page of the articles a whole-collection export keeps, with their export fields (not the body:
// an export is the graph), after $after in id order (the unique index, no sort). A date window
// keeps dated articles inside it.
MATCH (a:Article)
WHERE a.id > $after
  AND ($from IS NULL OR a.sortDate >= $from)
  AND ($to IS NULL OR (a.sortDate <> '' AND substring(a.sortDate, 0, 10) <= $to))
WITH a ORDER BY a.id LIMIT toInteger($page)
RETURN a.id AS id, 'Article' AS type, a.title AS title, substring(a.date, 0, 10) AS date,
       a.source AS source, a.url AS url, a.lang AS lang
