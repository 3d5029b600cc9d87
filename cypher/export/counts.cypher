// How many entities and articles there are (from the count store): the size of a whole export,
// for its progress bar.
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (a:Article) RETURN count(a) AS articles }
RETURN entities, articles
