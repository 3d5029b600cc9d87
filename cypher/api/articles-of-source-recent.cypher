// As articles-recent, for one source (the index on source, sortDate and id).
CALL {
  MATCH (a:Article) USING INDEX a:Article(source, sortDate, id)
  WHERE a.source = $source AND a.sortDate = $k AND a.id < $id AND a.sortDate >= $from
  RETURN a ORDER BY a.source DESC, a.sortDate DESC, a.id DESC LIMIT toInteger($first)
  UNION
  MATCH (a:Article) USING INDEX a:Article(source, sortDate, id)
  WHERE a.source = $source AND a.sortDate < $k AND a.sortDate >= $from AND a.id IS NOT NULL
  RETURN a ORDER BY a.source DESC, a.sortDate DESC, a.id DESC LIMIT toInteger($first)
}
RETURN a.id AS id, a.sortDate AS value
ORDER BY value DESC, id DESC
LIMIT toInteger($first)
