// Links of a layer before version 6 kept their evidence samples as two lists of strings; they are
// now two strings joined by U+001E (add-pairs.cypher), which Neo4j reads several times faster. A
// page of source entities at a time; links already joined are left alone. An empty list becomes
// no property, as add-pairs.cypher leaves a link without samples.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[c:CO_MENTIONED]->()
WHERE NOT (c.evidence IS :: STRING AND c.evidenceArticles IS :: STRING)
SET c.evidence = reduce(s = null, x IN c.evidence | coalesce(s + '\u001e', '') + x),
    c.evidenceArticles = reduce(s = null, x IN c.evidenceArticles | coalesce(s + '\u001e', '') + x)
RETURN count(c) AS joined
