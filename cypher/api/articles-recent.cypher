// Articles newest first (undated last: their sortDate is ''), ties by id descending, dated within
// [$from, $to] (sortDate bounds), from the cursor ($k, $id) on: the rest of the cursor's date, then
// older dates — two reads of the index on (sortDate, id), hinted so a small database does not scan.
CALL {
  MATCH (a:Article) USING INDEX a:Article(sortDate, id)
  WHERE a.sortDate = $k AND a.id < $id AND a.sortDate >= $from
  RETURN a ORDER BY a.sortDate DESC, a.id DESC LIMIT toInteger($first)
  UNION
  MATCH (a:Article) USING INDEX a:Article(sortDate, id)
  WHERE a.sortDate < $k AND a.sortDate >= $from AND a.id IS NOT NULL
  RETURN a ORDER BY a.sortDate DESC, a.id DESC LIMIT toInteger($first)
}
RETURN a.id AS id, a.sortDate AS value
ORDER BY value DESC, id DESC
LIMIT toInteger($first)
