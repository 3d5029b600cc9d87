UNWIND $articles AS a
MERGE (n:Article {id: a.id})
SET n.title = a.title,
    n.subtitle = a.subtitle,
    n.body = a.body,
    n.date = a.date,
    n.dateSource = a.dateSource,
    n.source = a.source,
    n.url = a.url,
    n.lang = a.lang,
    n.file = a.file,
    n.hash = a.hash,
    n.updatedAt = datetime()
// Element ids are valid within this transaction: the statements after it find nodes by them, not by index.
RETURN a.id AS id, elementId(n) AS node
