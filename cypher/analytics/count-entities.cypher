// How many entities and co-mention pairs `guanxi analyze` will read (from the count store: no
// scan), for its progress bar.
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH ()-[c:CO_MENTIONED]->() RETURN count(c) AS pairs }
RETURN entities, pairs
