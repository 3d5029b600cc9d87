DROP INDEX article_search IF EXISTS
