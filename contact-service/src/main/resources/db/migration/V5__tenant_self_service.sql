-- A business manages itself: key rights, consent text versions, and the one deliberate way to erase a whole tenant.

-- What a key may do. 'admin' keys also manage the tenant (settings, keys, deletion); 'standard' keys use the
-- contact, import and export APIs only. Keys issued before keys had rights were full keys: they stay admin.
ALTER TABLE api_key ADD COLUMN scope TEXT NOT NULL DEFAULT 'admin' CHECK (scope IN ('admin', 'standard'));

-- Every wording of the consent texts a tenant ever showed, by version: a ledger line names the version
-- ("tenant-v<N>"), and this table says what that version read, long after the tenant changed it.
CREATE TABLE consent_text_version (
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    version    INT         NOT NULL,
    email_text TEXT        NOT NULL,
    sms_text   TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, version)
);
INSERT INTO consent_text_version (tenant_id, version, email_text, sms_text, created_at)
SELECT id, consent_version, consent_text_email, consent_text_sms, updated_at FROM tenant;

-- The ledger stays append-only, with one exception: a tenant that deletes itself takes its ledger with it. Only a
-- transaction that named that tenant in the transaction-local setting lifeline.tenant_erasure may delete its lines
-- (TenantEraser does, and nothing else); UPDATE and TRUNCATE stay refused for everybody.
CREATE OR REPLACE FUNCTION consent_event_append_only() RETURNS trigger AS $$
BEGIN
    -- Nested: the TRUNCATE trigger is per statement and has no OLD row to look at.
    IF TG_OP = 'DELETE' THEN
        IF OLD.tenant_id::text = current_setting('lifeline.tenant_erasure', true) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'consent_event is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
