MERGE (m:GuanxiMeta {key: 'connections'})
SET m.version = $version, m.builtAt = datetime()
