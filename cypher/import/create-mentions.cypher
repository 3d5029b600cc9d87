// Old mentions were cleared in the same transaction, so CREATE cannot duplicate.
UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (e:Entity {id: m.entity})
CREATE (a)-[:MENTIONS {count: m.count, offsets: m.offsets, sentences: m.sentences, names: m.names}]->(e)
