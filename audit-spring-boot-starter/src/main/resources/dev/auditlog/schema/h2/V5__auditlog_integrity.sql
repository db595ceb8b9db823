-- Tamper evidence (auditlog.integrity): each entry's SHA-256 content hash, written with it,
-- and the seal that covers it; seals chain and are signed. A seal with deleted_before is a
-- retention checkpoint: entries recorded before it were deleted on purpose. See the README.
ALTER TABLE auditlog_logentry ADD COLUMN hash CHAR(64) NULL;
ALTER TABLE auditlog_logentry ADD COLUMN seal_id BIGINT NULL;
CREATE INDEX auditlog_logentry_seal_idx ON auditlog_logentry (seal_id);

CREATE TABLE auditlog_seal (
    id                 BIGINT       PRIMARY KEY,
    created            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    entry_count        INTEGER      NOT NULL,
    first_id           BIGINT       NOT NULL,
    last_id            BIGINT       NOT NULL,
    entries            CHARACTER LARGE OBJECT NOT NULL,
    previous_signature VARCHAR(128) NOT NULL,
    key_id             VARCHAR(64)  NOT NULL,
    signature          VARCHAR(128) NOT NULL,
    deleted_before     TIMESTAMP(6) WITH TIME ZONE NULL
);

CREATE TABLE auditlog_seal_lock (
    name VARCHAR(64) PRIMARY KEY
);
INSERT INTO auditlog_seal_lock (name) VALUES ('auditlog_logentry');
