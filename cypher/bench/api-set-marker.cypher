// Marks the bench:api collection complete at this size.
MERGE (m:GuanxiMeta {key: 'bench-api'}) SET m.articles = $articles
