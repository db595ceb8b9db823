-- Tamper evidence (auditlog.integrity): each entry's SHA-256 content hash, written with it,
-- and the seal that covers it; seals chain and are signed. A seal with deleted_before is a
-- retention checkpoint: entries recorded before it were deleted on purpose. See the README.
ALTER TABLE auditlog_logentry
    ADD COLUMN hash CHAR(64) NULL,
    ADD COLUMN seal_id BIGINT NULL,
    ADD INDEX auditlog_logentry_seal_idx (seal_id);

CREATE TABLE auditlog_seal (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    created            DATETIME(6)  NOT NULL COMMENT 'UTC',
    entry_count        INT          NOT NULL,
    first_id           BIGINT       NOT NULL,
    last_id            BIGINT       NOT NULL,
    entries            MEDIUMTEXT   NOT NULL,
    previous_signature VARCHAR(128) NOT NULL,
    key_id             VARCHAR(64)  NOT NULL,
    signature          VARCHAR(128) NOT NULL,
    deleted_before     DATETIME(6)  NULL
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE auditlog_seal_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO auditlog_seal_lock (name) VALUES ('auditlog_logentry');
