// Collection totals from Neo4j's count store (a count per label or relationship type is kept by
// the database, so none of these reads a node). Labels are the fixed entity types.
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL { MATCH ()-[c:CO_MENTIONED]->() RETURN count(c) AS connections }
CALL { MATCH (e:Person) RETURN count(e) AS people }
CALL { MATCH (e:Organization) RETURN count(e) AS organizations }
CALL { MATCH (e:Place) RETURN count(e) AS places }
CALL { MATCH (e:Project) RETURN count(e) AS projects }
RETURN articles, entities, relationships, connections,
       [{type: 'Article', count: articles}, {type: 'Person', count: people}, {type: 'Organization', count: organizations},
        {type: 'Place', count: places}, {type: 'Project', count: projects}] AS byType
