-- The business as the sender of its e-mail (issue 13): its From display name, From address and Reply-To, the domains
-- it sends from and their DKIM keys. V21, not V6: the numbers after V5 are left to the delivery work going on beside
-- this (out-of-order migrations are on), so two branches never take the same version.

-- One row per business that set its sender identity; without one, mail goes out as before (quarkus.mailer.from).
create table sender_identity (
    tenant_id    text primary key,
    display_name text,
    from_address text,
    reply_to     text,
    updated_at   timestamptz not null
);

-- A domain the business sends from. verified_at: when a DKIM key of it was first found in its DNS; a From address
-- is allowed only on a verified domain.
create table sending_domain (
    id          uuid primary key,
    tenant_id   text        not null,
    domain      text        not null,
    verified_at timestamptz,
    created_at  timestamptz not null,
    unique (tenant_id, domain)
);

-- DKIM keys, one per business, domain and selector. The private key (PKCS#8, base64) never leaves this table: the
-- API shows only the DNS record of the public key. state: pending (created, not yet found in DNS), active (the one
-- that signs; at most one per domain), retired (replaced by a rotation, listed until the business removes it).
create table dkim_key (
    id          uuid primary key,
    domain_id   uuid        not null references sending_domain (id) on delete cascade,
    tenant_id   text        not null,
    selector    text        not null,
    private_key text        not null,
    public_key  text        not null,
    state       text        not null check (state in ('pending', 'active', 'retired')),
    created_at  timestamptz not null,
    verified_at timestamptz,
    unique (domain_id, selector)
);
create unique index dkim_key_one_active on dkim_key (domain_id) where state = 'active';
create index dkim_key_tenant on dkim_key (tenant_id);
