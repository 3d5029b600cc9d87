// Entities written before pinyin keys existed (graph/pinyin-backfill.ts). A label scan, run once per
// start: every entity written since carries the keys ('' for names without Han characters), so
// after the first backfill this finds nothing.
MATCH (e:Entity) WHERE e.pinyin IS NULL
RETURN e.id AS id, e.name AS name, e.type AS type
LIMIT toInteger($limit)
