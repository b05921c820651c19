-- The owner's test sends: only when, per business, so that a test send cannot be turned into a mail cannon. The
-- address it went to is not kept.
CREATE TABLE test_send (
    id        uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    sent_at   timestamptz NOT NULL
);
CREATE INDEX test_send_tenant_time ON test_send (tenant_id, sent_at);
