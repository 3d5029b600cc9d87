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
