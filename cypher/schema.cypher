// guanxi's schema. Applied on every start; each statement is idempotent (IF NOT EXISTS).

// One node per article and per entity; MERGE relies on these.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;

// The database's own markers (the connection layer's version and generation, bench collections'),
// one node per key, found by it: a hub's stored neighbourhood is checked against the generation on
// every request (connections/stored-neighbourhood).
CREATE CONSTRAINT guanxi_meta_key IF NOT EXISTS FOR (m:GuanxiMeta) REQUIRE m.key IS UNIQUE;

// One co-mention link per pair, found by its key (smaller id, U+001F, larger id) in an index rather
// than by walking the links of its ends: a hub has tens of thousands of them.
CREATE CONSTRAINT co_mentioned_pair IF NOT EXISTS FOR ()-[c:CO_MENTIONED]-() REQUIRE c.pair IS UNIQUE;

// Lookups by name (exact and substring) and by type.
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);

// Timelines and clean-up by source.
CREATE INDEX article_date IF NOT EXISTS FOR (a:Article) ON (a.date);
CREATE INDEX article_source IF NOT EXISTS FOR (a:Article) ON (a.source);

// Relations between entities carry the article that states them; updates and deletes find them by it.
CREATE INDEX holds_position_article IF NOT EXISTS FOR ()-[r:HOLDS_POSITION]-() ON (r.articleId);
CREATE INDEX part_of_article IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.articleId);
CREATE INDEX located_in_article IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.articleId);
CREATE INDEX met_article IF NOT EXISTS FOR ()-[r:MET]-() ON (r.articleId);
CREATE INDEX visited_article IF NOT EXISTS FOR ()-[r:VISITED]-() ON (r.articleId);
CREATE INDEX signed_article IF NOT EXISTS FOR ()-[r:SIGNED]-() ON (r.articleId);
CREATE INDEX founded_article IF NOT EXISTS FOR ()-[r:FOUNDED]-() ON (r.articleId);
CREATE INDEX invested_in_article IF NOT EXISTS FOR ()-[r:INVESTED_IN]-() ON (r.articleId);
CREATE INDEX donated_to_article IF NOT EXISTS FOR ()-[r:DONATED_TO]-() ON (r.articleId);
CREATE INDEX paired_with_article IF NOT EXISTS FOR ()-[r:PAIRED_WITH]-() ON (r.articleId);

// Full-text search that works for Chinese: the cjk analyzer indexes character bigrams.
// Eventually consistent: Lucene analyses the text in a background thread after commit instead of
// inside every write transaction (measured: the body index was ~30 % of an import's write time).
// Writers that need their writes searchable at once call db.index.fulltext.awaitEventuallyConsistentIndexRefresh.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };
CREATE FULLTEXT INDEX article_search IF NOT EXISTS FOR (a:Article) ON EACH [a.title, a.body]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };

// The connection layer's rankings: top entities by mentions or connections, overall or of a type
// (counts kept on the entities by cypher/entities/refresh.cypher), and pairs by weight.
// Each ends in the id, the tie-break of the order, so that a page is read in index order from its
// cursor on, however many entities share a count.
CREATE INDEX entity_articles_id IF NOT EXISTS FOR (e:Entity) ON (e.articles, e.id);
CREATE INDEX entity_connections_id IF NOT EXISTS FOR (e:Entity) ON (e.connections, e.id);
CREATE INDEX entity_type_articles_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.articles, e.id);
CREATE INDEX entity_type_connections_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.connections, e.id);
CREATE INDEX entity_name_id IF NOT EXISTS FOR (e:Entity) ON (e.name, e.id);
CREATE INDEX entity_type_name_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.name, e.id);

// Article listings newest first, undated last (sortDate is the date, or '' when there is none),
// overall and per source, read in index order.
CREATE INDEX article_sort_date_id IF NOT EXISTS FOR (a:Article) ON (a.sortDate, a.id);
CREATE INDEX article_source_sort_date_id IF NOT EXISTS FOR (a:Article) ON (a.source, a.sortDate, a.id);

// Search as a name index (graph/search.ts): every branch of api/search-entities seeks one of these.
// Aliases are a list (a range index cannot hold one), so the exact alias lookup seeks the text
// index on aliasText (' alias1 alias2') with CONTAINS ' ' + alias and then checks the list itself.
CREATE TEXT INDEX entity_alias_text IF NOT EXISTS FOR (e:Entity) ON (e.aliasText);
// Pinyin keys of Chinese names (graph/pinyin.ts), for Latin-letter searches: exact and prefix seeks.
CREATE INDEX entity_pinyin IF NOT EXISTS FOR (e:Entity) ON (e.pinyin);
CREATE INDEX entity_initials IF NOT EXISTS FOR (e:Entity) ON (e.initials);

// The connection graph's metrics (`guanxi analyze`, cypher/analytics/write-metrics), ranked as the
// counts above: overall and of a type, ending in the id. Entities not yet analyzed are not in them.
CREATE INDEX entity_pagerank_id IF NOT EXISTS FOR (e:Entity) ON (e.pagerank, e.id);
CREATE INDEX entity_betweenness_id IF NOT EXISTS FOR (e:Entity) ON (e.betweenness, e.id);
CREATE INDEX entity_degree_id IF NOT EXISTS FOR (e:Entity) ON (e.degree, e.id);
CREATE INDEX entity_weighted_degree_id IF NOT EXISTS FOR (e:Entity) ON (e.weightedDegree, e.id);
CREATE INDEX entity_type_pagerank_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.pagerank, e.id);
CREATE INDEX entity_type_betweenness_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.betweenness, e.id);
CREATE INDEX entity_type_degree_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.degree, e.id);
CREATE INDEX entity_type_weighted_degree_id IF NOT EXISTS FOR (e:Entity) ON (e.type, e.weightedDegree, e.id);
