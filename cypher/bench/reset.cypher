// Empties a benchmark database in chunks, so no single transaction holds the whole graph.
MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
