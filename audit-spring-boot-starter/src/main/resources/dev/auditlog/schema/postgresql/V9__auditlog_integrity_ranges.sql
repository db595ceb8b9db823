-- Tamper evidence without rewriting entries: a seal records the id range it closes,
-- (previous last_id, last_id], the entries it seals (also late ones from earlier gaps) and
-- the gaps still open (ids not visible when it was made); entries no longer carry a seal_id.
-- auditlog_event is sealed too, in a chain of its own (table_name). Seals of the first,
-- unreleased format cannot be verified without seal_id and are removed; sealing restarts.
-- A retention checkpoint may prune the seals before it: pruned records the last pruned seal
-- (id, last_id, signature) and its open gaps, where verification starts.
DROP INDEX IF EXISTS auditlog_logentry_seal_idx;
ALTER TABLE auditlog_logentry DROP COLUMN seal_id;
ALTER TABLE auditlog_event ADD COLUMN hash CHAR(64) NULL;

DELETE FROM auditlog_seal;
ALTER TABLE auditlog_seal ADD COLUMN table_name VARCHAR(64) NOT NULL DEFAULT 'auditlog_logentry';
ALTER TABLE auditlog_seal ADD COLUMN gaps TEXT NOT NULL DEFAULT '';
ALTER TABLE auditlog_seal ADD COLUMN pruned TEXT NULL;
ALTER TABLE auditlog_seal DROP CONSTRAINT auditlog_seal_pkey;
ALTER TABLE auditlog_seal ADD PRIMARY KEY (table_name, id);

INSERT INTO auditlog_seal_lock (name) VALUES ('auditlog_event');
