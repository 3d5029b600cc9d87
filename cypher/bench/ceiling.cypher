// The benchmark's ceiling: the same nodes and relationships the importer writes, in plain UNWIND
// statements with nothing else (no hashes, no clean-up of old links, no pruning).
UNWIND $articles AS a
CREATE (n:Article {id: a.id})
SET n += a;
UNWIND $entities AS x
MERGE (e:Entity {id: x.id})
  ON CREATE SET e.name = x.name, e.type = x.type, e.aliases = x.aliases
FOREACH (_ IN CASE WHEN x.type = 'Person' THEN [1] ELSE [] END | SET e:Person)
FOREACH (_ IN CASE WHEN x.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
FOREACH (_ IN CASE WHEN x.type = 'Place' THEN [1] ELSE [] END | SET e:Place)
FOREACH (_ IN CASE WHEN x.type = 'Project' THEN [1] ELSE [] END | SET e:Project);
UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (e:Entity {id: m.entity})
CREATE (a)-[:MENTIONS {count: m.count, offsets: m.offsets, sentences: [i IN m.sentences | $sentences[toInteger(i)]], names: m.names}]->(e);
UNWIND $authors AS w
MATCH (p:Entity {id: w.person})
MATCH (a:Article {id: w.article})
CREATE (p)-[:WROTE]->(a);
UNWIND $relations AS r
MATCH (from:Entity {id: r.from})
MATCH (to:Entity {id: r.to})
FOREACH (_ IN CASE WHEN r.type = 'HOLDS_POSITION' THEN [1] ELSE [] END |
  CREATE (from)-[:HOLDS_POSITION {articleId: r.article, title: r.title, asOf: r.asOf, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'PART_OF' THEN [1] ELSE [] END |
  CREATE (from)-[:PART_OF {articleId: r.article, source: r.source, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'LOCATED_IN' THEN [1] ELSE [] END |
  CREATE (from)-[:LOCATED_IN {articleId: r.article, source: r.source, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'MET' THEN [1] ELSE [] END |
  CREATE (from)-[:MET {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'VISITED' THEN [1] ELSE [] END |
  CREATE (from)-[:VISITED {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'SIGNED' THEN [1] ELSE [] END |
  CREATE (from)-[:SIGNED {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'FOUNDED' THEN [1] ELSE [] END |
  CREATE (from)-[:FOUNDED {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'INVESTED_IN' THEN [1] ELSE [] END |
  CREATE (from)-[:INVESTED_IN {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'DONATED_TO' THEN [1] ELSE [] END |
  CREATE (from)-[:DONATED_TO {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'PAIRED_WITH' THEN [1] ELSE [] END |
  CREATE (from)-[:PAIRED_WITH {articleId: r.article, date: r.date, confidence: r.confidence, trigger: r.trigger, evidence: $sentences[toInteger(r.evidence)]}]->(to));
