// A page of article ids in id order, for rebuilding the layer batch by batch.
MATCH (a:Article) WHERE a.id > $after
RETURN a.id AS id ORDER BY a.id LIMIT toInteger($first)
