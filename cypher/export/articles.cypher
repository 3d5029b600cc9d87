// Articles by id, with the fields of an export (not the body: an export is the graph).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, 'Article' AS type, a.title AS title, substring(a.date, 0, 10) AS date,
       a.source AS source, a.url AS url, a.lang AS lang
