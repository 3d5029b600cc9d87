UNWIND $rows AS r
MATCH (e:Entity {id: r.id})
SET e.pinyin = r.pinyin, e.initials = r.initials
