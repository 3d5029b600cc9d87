DROP INDEX entity_search IF EXISTS
