// Links kept from a layer of another definition get their counts and dates recounted from the
// mentions, a page of source entities at a time: versions 2 and 3 counted and dated every article
// naming both ends, where a link now stands for the articles with a sentence naming both (a
// database upgraded from them kept links with articles > weight). Set only where they differ.
UNWIND $ids AS id
MATCH (x:Entity {id: id})<-[m1:MENTIONS]-(a:Article)-[m2:MENTIONS]->(y:Entity)
WHERE x.id < y.id
WITH x, y, a, size([s IN m1.sentences WHERE s IN m2.sentences]) AS shared
WHERE shared > 0
WITH x.id + '\u001f' + y.id AS key, sum(shared) AS weight, count(a) AS articles, min(a.date) AS firstDate, max(a.date) AS lastDate
MATCH ()-[c:CO_MENTIONED {pair: key}]->()
WHERE c.weight <> weight OR c.articles <> articles
   OR coalesce(c.firstDate, '') <> coalesce(firstDate, '') OR coalesce(c.lastDate, '') <> coalesce(lastDate, '')
SET c.weight = weight, c.articles = articles, c.firstDate = firstDate, c.lastDate = lastDate
RETURN count(c) AS recounted
