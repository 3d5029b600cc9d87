// Labels come from the fixed list in shared/src/entities.ts: one static branch per type.
UNWIND $entities AS x
MERGE (e:Entity {id: x.id})
  ON CREATE SET e.name = x.name, e.type = x.type
SET e.code = coalesce(x.code, e.code),
    e.aliases = reduce(all = coalesce(e.aliases, []), alias IN x.aliases |
      CASE WHEN alias IN all THEN all ELSE all + alias END)
SET e.aliasText = reduce(text = '', alias IN e.aliases | text + ' ' + alias)
FOREACH (_ IN CASE WHEN x.type = 'Person' THEN [1] ELSE [] END | SET e:Person)
FOREACH (_ IN CASE WHEN x.type = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
FOREACH (_ IN CASE WHEN x.type = 'Place' THEN [1] ELSE [] END | SET e:Place)
FOREACH (_ IN CASE WHEN x.type = 'Project' THEN [1] ELSE [] END | SET e:Project)
RETURN x.id AS id, elementId(e) AS node
