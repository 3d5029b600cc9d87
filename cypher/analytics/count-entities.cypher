// How many entities `guanxi analyze` will read (from the count store: no scan), for its progress bar.
MATCH (e:Entity)
RETURN count(e) AS entities
