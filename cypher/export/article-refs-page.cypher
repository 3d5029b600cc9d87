// A page of every article's date and url, after $after in id order (the unique index, no sort):
// what the evidence of a whole export cites, read once before its links instead of looked up page
// after page.
MATCH (a:Article) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT toInteger($page)
RETURN a.id AS id, substring(a.date, 0, 10) AS date, a.url AS url
