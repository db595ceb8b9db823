-- Searching entries by changed field is done by the reader on H2, which has no index on
-- the keys of a JSON document. This version is kept so that every database has the same
-- schema history.
SELECT 1;
