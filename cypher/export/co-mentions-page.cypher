// A page of a whole-collection export's co-mentions after the pair $after and up to the pair $upTo
// (one of the ranges read at once, export/pair-at; U+FFFF for the end), in pair order: a range seek
// between the two on the unique pair index, no sort, no node touched — the pair key is the two
// ends' ids (smaller first, joined by U+001F), split apart by the reader; an id starts with its type,
// so the type filter needs no node either. A window keeps pairs whose first–last dates overlap it (their
// ends' sightings then overlap it too). The evidence cites articles by id; their dates and urls are
// the reader's to add.
MATCH ()-[c:CO_MENTIONED]->()
WHERE c.pair > $after AND c.pair <= $upTo
  AND ($from IS NULL OR coalesce(c.lastDate, '') >= $from)
  AND ($to IS NULL OR substring(coalesce(c.firstDate, '~'), 0, 10) <= $to)
  AND ($types IS NULL OR all(end IN split(c.pair, $separator) WHERE split(end, ':')[0] IN $types))
WITH c ORDER BY c.pair LIMIT toInteger($page)
RETURN c.pair AS pair, c.weight AS weight, c.articles AS articles,
       substring(c.firstDate, 0, 10) AS firstDate, substring(c.lastDate, 0, 10) AS lastDate,
       coalesce(c.evidence, '') AS evidence, coalesce(c.evidenceArticles, '') AS evidenceArticles
