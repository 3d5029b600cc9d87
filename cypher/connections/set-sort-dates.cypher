// Articles written before sortDate existed get it (once, from the connection-layer rebuild).
MATCH (a:Article) WHERE a.sortDate IS NULL
WITH a LIMIT toInteger($first)
SET a.sortDate = coalesce(a.date, '')
RETURN count(*) AS updated
