// Which of these articles are stored already, and with what content hash (unchanged ones are skipped).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.hash AS hash
