-- Entries are read newest first, ordered by (timestamp, id), one page at a time after a
-- keyset cursor. These indexes hold that order behind each filter, so that a page is an
-- index range scan that stops after one page, without sorting: an object's history
-- (model, object_pk), a model's entries over time (model), an actor's (actor), and all
-- entries or a time range (timestamp, id). Each replaces a V1 index that is its prefix.
ALTER TABLE auditlog_logentry
    ADD INDEX auditlog_logentry_object_history_idx (model, object_pk, timestamp, id),
    ADD INDEX auditlog_logentry_model_timestamp_idx (model, timestamp, id),
    ADD INDEX auditlog_logentry_actor_timestamp_idx (actor, timestamp, id),
    ADD INDEX auditlog_logentry_timestamp_id_idx (timestamp, id),
    DROP INDEX auditlog_logentry_model_object_pk_idx,
    DROP INDEX auditlog_logentry_actor_idx,
    DROP INDEX auditlog_logentry_timestamp_idx;
