MATCH (a:Article {source: $source})
RETURN a.id AS id
