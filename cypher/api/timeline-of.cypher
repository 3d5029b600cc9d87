// Articles a day in [$from, $to) that name any of these entities (each article once).
UNWIND $ids AS id
MATCH (e:Entity {id: id})<-[:MENTIONS]-(a:Article)
WHERE a.sortDate >= $from AND a.sortDate < $to
WITH DISTINCT a
RETURN substring(a.sortDate, 0, 10) AS day, count(*) AS count
