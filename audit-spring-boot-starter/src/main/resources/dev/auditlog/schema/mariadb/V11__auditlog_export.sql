-- The export of entries and seals to Kafka (auditlog.export.kafka): the entries table is
-- the outbox, and each exported stream has one row here, its progress and its lock. The
-- relay publishes what committed since last_id under this row's lock (FOR UPDATE), waits
-- for the broker's acknowledgements, then moves last_id on. gaps holds the ids at or below
-- last_id not yet visible (transactions in flight or rolled back), as integrity seals do:
-- one line per run of ids, "<first id> <last id> <microseconds since the epoch when first
-- seen>\n"; an entry that commits late in a gap is published by a later run.
CREATE TABLE auditlog_export (
    name    VARCHAR(128) PRIMARY KEY,
    last_id BIGINT       NOT NULL,
    gaps    MEDIUMTEXT NOT NULL
);
