// Articles a day in [$from, $to) over the whole collection (undated ones have sortDate '' and fall
// below any $from), read from the index on (sortDate, id).
MATCH (a:Article) USING INDEX a:Article(sortDate, id)
WHERE a.sortDate >= $from AND a.sortDate < $to AND a.id IS NOT NULL
RETURN substring(a.sortDate, 0, 10) AS day, count(*) AS count
