// The bench:api collection's marker: written last, so a build killed halfway has none and is redone.
MATCH (m:GuanxiMeta {key: 'bench-api'}) RETURN m.articles AS articles
