// Old mentions were cleared in the same transaction, so CREATE cannot duplicate.
// Nodes come by the element ids that upsert-articles and merge-entities returned in this transaction:
// a direct lookup, where matching by id would search the unique index once per row.
UNWIND $mentions AS m
MATCH (a) WHERE elementId(a) = m.article
MATCH (e) WHERE elementId(e) = m.entity
CREATE (a)-[:MENTIONS {count: m.count, offsets: m.offsets, sentences: m.sentences, names: m.names}]->(e)
