// Nodes by the element ids returned earlier in this transaction (see create-mentions).
UNWIND $authors AS w
MATCH (p) WHERE elementId(p) = w.person
MATCH (a) WHERE elementId(a) = w.article
MERGE (p)-[:WROTE]->(a)
