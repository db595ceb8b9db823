-- Entries are read newest first, ordered by (timestamp, id), one page at a time after a
-- keyset cursor. These indexes hold that order behind each filter, so that a page is an
-- index range scan that stops after one page, without sorting: an object's history
-- (model, object_pk), a model's entries over time (model), an actor's (actor), and all
-- entries or a time range (timestamp, id). Each replaces a V1 index that is its prefix.
CREATE INDEX auditlog_logentry_object_history_idx ON auditlog_logentry (model, object_pk, timestamp, id);
CREATE INDEX auditlog_logentry_model_timestamp_idx ON auditlog_logentry (model, timestamp, id);
CREATE INDEX auditlog_logentry_actor_timestamp_idx ON auditlog_logentry (actor, timestamp, id);
CREATE INDEX auditlog_logentry_timestamp_id_idx ON auditlog_logentry (timestamp, id);
DROP INDEX auditlog_logentry_model_object_pk_idx;
DROP INDEX auditlog_logentry_actor_idx;
DROP INDEX auditlog_logentry_timestamp_idx;
