// Links of a layer written before links needed a shared sentence (versions 2 and 3 also linked
// entities that only shared an article, with weight 0) go, a page of source entities at a time.
MATCH (x:Entity)-[c:CO_MENTIONED]->(:Entity)
WHERE x.id IN $ids AND c.weight = 0
DELETE c
RETURN count(*) AS dropped
