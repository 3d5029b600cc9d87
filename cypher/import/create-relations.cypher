// Relationship types come from the fixed list in shared/src/entities.ts: one static branch per type.
// Each relation carries the article and the sentence that state it. Nodes by the element ids returned
// earlier in this transaction (see create-mentions); articleId stays the article's own id.
UNWIND $relations AS r
MATCH (from) WHERE elementId(from) = r.from
MATCH (to) WHERE elementId(to) = r.to
FOREACH (_ IN CASE WHEN r.type = 'HOLDS_POSITION' THEN [1] ELSE [] END |
  CREATE (from)-[:HOLDS_POSITION {articleId: r.article, title: r.title, asOf: r.asOf, evidence: r.evidence}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'PART_OF' THEN [1] ELSE [] END |
  CREATE (from)-[:PART_OF {articleId: r.article, evidence: r.evidence}]->(to))
FOREACH (_ IN CASE WHEN r.type = 'LOCATED_IN' THEN [1] ELSE [] END |
  CREATE (from)-[:LOCATED_IN {articleId: r.article, evidence: r.evidence}]->(to))
