CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL {
  MATCH (e:Entity)
  WITH e.type AS type, count(*) AS count
  RETURN collect({type: type, count: count}) AS byType
}
RETURN articles, entities, relationships, [{type: 'Article', count: articles}] + byType AS byType
