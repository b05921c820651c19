-- Interrupted imports resume on re-upload. updated_at is the job's heartbeat: its worker touches it when it starts and
-- with every chunk commit, so a queued/running job whose heartbeat is older than lifeline.contact.import-stall-after
-- has lost its worker (e.g. the process was killed). run_id names the worker that owns the job: a take-over gives it a
-- new one, and a worker's commits only count while the job is still its own.
ALTER TABLE import_job ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE import_job ADD COLUMN run_id UUID;
UPDATE import_job SET updated_at = coalesce(finished_at, created_at), run_id = id;
ALTER TABLE import_job ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE import_job ALTER COLUMN run_id SET NOT NULL;
