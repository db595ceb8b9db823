-- Searching entries by changed field uses JSON_CONTAINS_PATH and JSON_VALUE on the
-- changes column. MariaDB and MySQL cannot index the keys of a JSON document, so there
-- is no index to add: the search is narrowed by the model and object indexes. This
-- version is kept so that every database has the same schema history.
SELECT 1;
