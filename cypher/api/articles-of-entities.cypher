// Articles that name every one of $entityIds, newest first, from the cursor ($k, $id) on: read
// from the entity named in the fewest articles, the others checked on each of its articles.
UNWIND $entityIds AS entityId
MATCH (e:Entity {id: entityId})
WITH e ORDER BY e.articles LIMIT 1
MATCH (e)<-[:MENTIONS]-(a:Article)
WHERE a.sortDate >= $from AND (a.sortDate < $k OR (a.sortDate = $k AND a.id < $id))
  AND ($source IS NULL OR a.source = $source)
  AND all(other IN $entityIds WHERE other = e.id OR EXISTS { (a)-[:MENTIONS]->(:Entity {id: other}) })
RETURN a.id AS id, a.sortDate AS value
ORDER BY value DESC, id DESC
LIMIT toInteger($first)
