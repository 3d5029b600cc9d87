// A batch's articles, entities and links in one statement. Articles and entities are merged and
// collected; mentions, bylines and relations name them by position in $articles and $entities, so no
// node id travels back to the client and out again (element ids were a third of the bytes sent), and
// no link looks its nodes up in an index. Sentences come once in $sentences; links cite them by index.
// The article's old links were cleared earlier in the same transaction, so CREATE cannot duplicate.
// Positions arrive as floats (JavaScript numbers), hence toInteger.
// Labels and relationship types come from the fixed lists in shared/src/entities.ts: one static branch each.
UNWIND $articles AS a
MERGE (n:Article {id: a.id})
SET n.title = a.title,
    n.subtitle = a.subtitle,
    n.body = a.body,
    n.date = a.date,
    n.sortDate = coalesce(a.date, ''),
    n.dateSource = a.dateSource,
    n.source = a.source,
    n.url = a.url,
    n.lang = a.lang,
    n.file = a.file,
    n.hash = a.hash,
    n.updatedAt = datetime()
WITH collect(n) AS articles
CALL {
  UNWIND $entities AS x
  MERGE (e:Entity {id: x.id})
    ON CREATE SET e.name = x.name, e.type = x.type
  SET e.code = coalesce(x.code, e.code),
      e.pinyin = x.pinyin,
      e.initials = x.initials,
      e.aliases = reduce(all = coalesce(e.aliases, []), alias IN x.aliases |
        CASE WHEN alias IN all THEN all ELSE all + alias END)
  SET e.aliasText = reduce(text = '', alias IN e.aliases | text + ' ' + alias)
  FOREACH (_ IN CASE WHEN x.type = 'Person' THEN [1] ELSE [] END | SET e:Person)
  FOREACH (_ IN CASE WHEN x.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
  FOREACH (_ IN CASE WHEN x.type = 'Place' THEN [1] ELSE [] END | SET e:Place)
  FOREACH (_ IN CASE WHEN x.type = 'Project' THEN [1] ELSE [] END | SET e:Project)
  RETURN collect(e) AS entities
}
CALL {
  WITH articles, entities
  UNWIND $mentions AS m
  WITH articles[toInteger(m.article)] AS a, entities[toInteger(m.entity)] AS e, m
  CREATE (a)-[:MENTIONS {count: m.count, offsets: m.offsets, sentences: [i IN m.sentences | $sentences[toInteger(i)]], names: m.names}]->(e)
}
CALL {
  WITH articles, entities
  UNWIND $authors AS w
  WITH entities[toInteger(w.person)] AS p, articles[toInteger(w.article)] AS a
  MERGE (p)-[:WROTE]->(a)
}
CALL {
  WITH articles, entities
  UNWIND $relations AS r
  WITH entities[toInteger(r.from)] AS from, entities[toInteger(r.to)] AS to, r, $articles[toInteger(r.article)].id AS articleId
  FOREACH (_ IN CASE WHEN r.type = 'HOLDS_POSITION' THEN [1] ELSE [] END |
    CREATE (from)-[:HOLDS_POSITION {articleId: articleId, title: r.title, asOf: r.asOf, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  // What the gazetteer implies (徐家湾乡 PART_OF 卢氏县) says so in `source` and cites no sentence.
  FOREACH (_ IN CASE WHEN r.type = 'PART_OF' THEN [1] ELSE [] END |
    CREATE (from)-[:PART_OF {articleId: articleId, source: r.source, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'LOCATED_IN' THEN [1] ELSE [] END |
    CREATE (from)-[:LOCATED_IN {articleId: articleId, source: r.source, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  // Events: the sentence, the article's date, the pattern's confidence and the trigger word.
  FOREACH (_ IN CASE WHEN r.type = 'MET' THEN [1] ELSE [] END |
    CREATE (from)-[:MET {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'VISITED' THEN [1] ELSE [] END |
    CREATE (from)-[:VISITED {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'SIGNED' THEN [1] ELSE [] END |
    CREATE (from)-[:SIGNED {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'FOUNDED' THEN [1] ELSE [] END |
    CREATE (from)-[:FOUNDED {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'INVESTED_IN' THEN [1] ELSE [] END |
    CREATE (from)-[:INVESTED_IN {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'DONATED_TO' THEN [1] ELSE [] END |
    CREATE (from)-[:DONATED_TO {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
  FOREACH (_ IN CASE WHEN r.type = 'PAIRED_WITH' THEN [1] ELSE [] END |
    CREATE (from)-[:PAIRED_WITH {articleId: articleId, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
}
RETURN size(articles) AS articles, size(entities) AS entities
