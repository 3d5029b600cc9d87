// Which version of the connection layer this database holds (none: built before it existed).
OPTIONAL MATCH (m:GuanxiMeta {key: 'connections'})
RETURN m.version AS version, EXISTS { MATCH (:Article) } AS hasArticles
