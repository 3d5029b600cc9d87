// How many co-mentions each of these entities has (kept on it by entities/refresh): an export's
// edge pass groups entities so that one read holds about a bounded number of pairs.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, coalesce(e.connections, 0) AS connections
