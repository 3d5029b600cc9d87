// The full-text indexes as they exist, with their configuration: a database created by an older
// guanxi has them without eventual consistency, and CREATE … IF NOT EXISTS would not change that.
SHOW FULLTEXT INDEXES YIELD name, options
WHERE name IN ['entity_search', 'article_search']
RETURN name, coalesce(options.indexConfig.`fulltext.eventually_consistent`, false) AS eventuallyConsistent
