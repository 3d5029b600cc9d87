// Dates and urls of the articles a page's evidence cites, each looked up once for the page.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, substring(a.date, 0, 10) AS date, a.url AS url
