// Drops up to $first links of the connection layer; called until it returns 0 (bounded transactions).
MATCH ()-[c:CO_MENTIONED]->()
WITH c LIMIT toInteger($first)
DELETE c
RETURN count(*) AS deleted
