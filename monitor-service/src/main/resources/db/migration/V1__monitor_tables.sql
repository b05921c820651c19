-- Platforms that tenants define; the built-in catalogue lives in code (dev.lifeline.events.outage.CatalogPlatforms).
CREATE TABLE platform (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX platform_tenant ON platform (tenant_id);

-- Probes a tenant added to its own platforms (catalogue probes come from configuration).
CREATE TABLE probe (
    id                   TEXT PRIMARY KEY,
    platform_id          TEXT        NOT NULL REFERENCES platform (id) ON DELETE CASCADE,
    tenant_id            TEXT        NOT NULL,
    kind                 TEXT        NOT NULL,
    target               TEXT        NOT NULL,
    interval_ms          BIGINT      NOT NULL,
    timeout_ms           BIGINT      NOT NULL,
    retries              INT         NOT NULL,
    latency_threshold_ms BIGINT,
    keyword              TEXT,
    json_pointer         TEXT,
    expected_value       TEXT,
    component            TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX probe_tenant ON probe (tenant_id);

-- Which platforms a tenant's business depends on.
CREATE TABLE tenant_dependency (
    tenant_id   TEXT NOT NULL,
    platform_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, platform_id)
);

CREATE TABLE outage (
    id           UUID PRIMARY KEY,
    platform_id  TEXT        NOT NULL,
    tenant_id    TEXT,
    source       TEXT        NOT NULL,
    severity     TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,
    resolved_at  TIMESTAMPTZ,
    declared_by  TEXT,
    reason       TEXT,
    resolved_by  TEXT,
    evidence     TEXT
);
-- At most one open outage per platform, even with concurrent declarations or several instances.
CREATE UNIQUE INDEX outage_one_open ON outage (platform_id) WHERE resolved_at IS NULL;
CREATE INDEX outage_history ON outage (platform_id, started_at DESC);

-- Probe history, pruned after lifeline.monitor.history-retention.
CREATE TABLE probe_result (
    id          BIGSERIAL PRIMARY KEY,
    probe_id    TEXT        NOT NULL,
    platform_id TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    latency_ms  BIGINT,
    detail      TEXT,
    observed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX probe_result_platform ON probe_result (platform_id, observed_at DESC);
CREATE INDEX probe_result_age ON probe_result (observed_at);
