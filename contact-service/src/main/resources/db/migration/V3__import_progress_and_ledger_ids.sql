-- Import jobs know their size up front (the upload is validated before it is accepted), so progress is a fraction.
ALTER TABLE import_job ADD COLUMN rows_total BIGINT NOT NULL DEFAULT 0;
-- Ledger ids are handed out 50 at a time so that bulk imports can batch their ledger inserts.
ALTER SEQUENCE consent_event_id_seq INCREMENT BY 50;
