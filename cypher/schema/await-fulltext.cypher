// Makes every committed write visible to full-text search (the indexes are eventually consistent).
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
