// Moves the connection layer's generation on: the last statement of every transaction that changes
// links, mentions or rankings. A hub's stored neighbourhood (stored-neighbourhood.cypher) is read
// only while it carries the current generation, so any such write makes it stale at once. Last, so
// that the lock on this one node is held only for the commit: concurrent batches barely queue on it.
MATCH (m:GuanxiMeta {key: 'connections'})
SET m.generation = coalesce(m.generation, 0) + 1
