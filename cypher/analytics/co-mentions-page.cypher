// A page of the connection graph's co-mentions for `guanxi analyze`, after the pair $after in pair
// order: a range seek on the unique pair index, no node touched (the pair key is the two ids, split
// by the reader). Weight: sentences naming both plus articles naming both (the strength the API
// ranks links by; a pair named only in separate sentences has weight 0 but still 1 article).
MATCH ()-[c:CO_MENTIONED]->()
WHERE c.pair > $after
WITH c ORDER BY c.pair LIMIT toInteger($page)
RETURN c.pair AS pair, c.weight + c.articles AS weight
