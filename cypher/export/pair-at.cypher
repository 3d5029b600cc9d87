// The co-mention pair $skip pairs into the pair index's order (none past its end): where to split
// a whole export's co-mentions into ranges read at once. Only index entries are walked — no
// relationship is touched — and the pair's smaller end splits the entities' relations alike.
MATCH ()-[c:CO_MENTIONED]->()
WHERE c.pair > ''
WITH c.pair AS pair ORDER BY pair SKIP toInteger($skip) LIMIT 1
RETURN pair
