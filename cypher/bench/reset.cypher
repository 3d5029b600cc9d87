// Empties a benchmark database in chunks, so no single transaction holds the whole graph: the
// relationships first (a chunk of nodes may hold a hub's tens of thousands of them: DETACH DELETE of
// 1,000 nodes at a time ran out of Neo4j's transaction memory on the 100,000-article collection).
MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS
