// The second half of reset.cypher: the nodes, once no relationship is left.
MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
