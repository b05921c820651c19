-- Tables of the service kit, shared by every service. Versions 0.x stay below the services' own.

-- Transactional outbox: written in the same transaction as the change it announces, published by OutboxRelay.
CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event_type   TEXT,
    data         TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Processed-event log: a consumer records each event id in the transaction of its effect, so redelivery is a no-op.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Services other than contact-service authenticate tenant keys from this copy of tenants.v1.
CREATE TABLE projected_tenant (
    tenant_id  TEXT PRIMARY KEY,
    slug       TEXT,
    name       TEXT,
    time_zone  TEXT,
    version    BIGINT  NOT NULL,
    deleted    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE projected_tenant_key (
    key_hash  TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES projected_tenant (tenant_id) ON DELETE CASCADE
);
