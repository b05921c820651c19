-- contact-service schema. Every row that belongs to a business carries tenant_id and every query filters on it.

CREATE TABLE tenant (
    id               UUID PRIMARY KEY,
    slug             TEXT        NOT NULL UNIQUE,
    name             TEXT        NOT NULL,
    default_region   TEXT        NOT NULL,
    time_zone        TEXT        NOT NULL,
    opt_in_mode      TEXT        NOT NULL CHECK (opt_in_mode IN ('single', 'double')),
    cors_origins     TEXT        NOT NULL DEFAULT '',
    consent_text_email TEXT      NOT NULL,
    consent_text_sms   TEXT      NOT NULL,
    consent_version  INT         NOT NULL DEFAULT 1,
    version          BIGINT      NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_key (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    key_hash    TEXT        NOT NULL UNIQUE,
    key_prefix  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_key_tenant ON api_key (tenant_id);

CREATE TABLE contact (
    id              UUID PRIMARY KEY,
    tenant_id       UUID        NOT NULL REFERENCES tenant (id),
    version         BIGINT      NOT NULL,
    name            TEXT,
    email           TEXT,
    phone           TEXT,
    channel_order   TEXT,
    tags            TEXT[]      NOT NULL DEFAULT '{}',
    locale          TEXT,
    time_zone       TEXT,
    source          TEXT,
    attributes      JSONB,
    consent_email   TEXT        NOT NULL DEFAULT 'none',
    consent_sms     TEXT        NOT NULL DEFAULT 'none',
    consent_whatsapp TEXT       NOT NULL DEFAULT 'none',
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    erased_at       TIMESTAMPTZ,
    -- Encrypts this contact's IP addresses and user agents in the consent ledger. Erasure destroys it, which
    -- makes that evidence unreadable without ever changing a ledger row (crypto-shredding).
    evidence_key    BYTEA
);
-- A contact is unique per tenant by normalised e-mail and by E.164 phone; erased contacts hold neither.
CREATE UNIQUE INDEX contact_tenant_email ON contact (tenant_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX contact_tenant_phone ON contact (tenant_id, phone) WHERE phone IS NOT NULL;
-- Cursor paging walks (tenant, id); updated-since filters on updated_at.
CREATE INDEX contact_tenant_id ON contact (tenant_id, id) WHERE erased_at IS NULL;
CREATE INDEX contact_tenant_updated ON contact (tenant_id, updated_at);
CREATE INDEX contact_tags ON contact USING GIN (tags);

-- Consent ledger: proof of every grant, confirmation and withdrawal. Append-only, enforced below.
CREATE TABLE consent_event (
    id              BIGSERIAL PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    contact_id      UUID        NOT NULL,
    channel         TEXT        NOT NULL,
    action          TEXT        NOT NULL CHECK (action IN ('requested', 'granted', 'confirmed', 'withdrawn', 'single-opt-in', 'erased')),
    status          TEXT        NOT NULL,
    source          TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    ip_enc          BYTEA,
    user_agent_enc  BYTEA,
    consent_text    TEXT,
    consent_version TEXT
);
CREATE INDEX consent_event_contact ON consent_event (tenant_id, contact_id, id);

-- The ledger never changes or loses a row, whatever the code does. Erasure needs no exception: the personal
-- evidence in it is encrypted with the contact's evidence_key, which erasure destroys.
CREATE FUNCTION consent_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent_event is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_event_no_change BEFORE UPDATE OR DELETE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION consent_event_append_only();
CREATE TRIGGER consent_event_no_truncate BEFORE TRUNCATE ON consent_event
    FOR EACH STATEMENT EXECUTE FUNCTION consent_event_append_only();

-- CSV import jobs: the id is derived from the tenant and the file's SHA-256, so a re-upload finds its job.
CREATE TABLE import_job (
    id            UUID PRIMARY KEY,
    tenant_id     UUID        NOT NULL REFERENCES tenant (id),
    content_hash  TEXT        NOT NULL,
    state         TEXT        NOT NULL,
    rows_read     BIGINT      NOT NULL DEFAULT 0,
    rows_imported BIGINT      NOT NULL DEFAULT 0,
    rows_merged   BIGINT      NOT NULL DEFAULT 0,
    rows_failed   BIGINT      NOT NULL DEFAULT 0,
    error         TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    UNIQUE (tenant_id, content_hash)
);

CREATE TABLE import_row_error (
    job_id     UUID   NOT NULL REFERENCES import_job (id),
    row_number BIGINT NOT NULL,
    field      TEXT,
    message    TEXT   NOT NULL,
    PRIMARY KEY (job_id, row_number, message)
);
