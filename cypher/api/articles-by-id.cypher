UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a { .id, .title, .subtitle, .body, .date, .dateSource, .source, .url, .lang } AS article
