// How many entities, articles and co-mention pairs there are (from the count store: no scan): the
// size of a whole export, for its progress bar.
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH ()-[c:CO_MENTIONED]->() RETURN count(c) AS pairs }
RETURN entities, articles, pairs
