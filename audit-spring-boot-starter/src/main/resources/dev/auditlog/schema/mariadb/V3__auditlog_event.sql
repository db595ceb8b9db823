CREATE TABLE auditlog_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    timestamp   DATETIME(6)  NOT NULL COMMENT 'UTC',
    principal   VARCHAR(255) NOT NULL,
    type        VARCHAR(255) NOT NULL,
    remote_addr VARCHAR(45)  NULL,
    cid         VARCHAR(255) NULL,
    data        JSON         NULL,
    INDEX auditlog_event_principal_timestamp_idx (principal, timestamp),
    INDEX auditlog_event_timestamp_idx (timestamp)
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
