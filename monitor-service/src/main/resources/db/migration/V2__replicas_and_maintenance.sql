-- Which monitor instance opened a probe outage (several replicas decide; an operator wants to know which one did).
ALTER TABLE outage ADD COLUMN detected_by TEXT;

-- Per-platform policy: whether the platform's planned maintenance counts as an outage (default: it does not).
ALTER TABLE platform ADD COLUMN maintenance_is_outage BOOLEAN NOT NULL DEFAULT FALSE;
