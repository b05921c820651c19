-- The console's own data: businesses that signed up here, their people, pending sign-ups and sessions.
-- Tokens (verification links, session cookies) are stored as SHA-256 hashes (hex): a read of this database gives no
-- working link or session. The business's contact-service API key is AES-256-GCM encrypted (nonce || ciphertext).

create table business (
    id                   uuid primary key,
    name                 text        not null,
    tenant_id            uuid        not null unique,
    tenant_slug          text        not null,
    api_key_enc          bytea       not null,
    -- Platforms chosen at sign-up, set on monitor-service once it knows the tenant (it learns it from tenants.v1).
    pending_dependencies text,
    created_at           timestamptz not null
);

create table console_user (
    id            uuid primary key,
    business_id   uuid        not null references business (id) on delete cascade,
    email         text        not null unique,
    password_hash text        not null,
    role          text        not null check (role in ('owner', 'staff')),
    created_at    timestamptz not null
);

-- A sign-up waits here until its e-mail is verified; only then is the tenant created in contact-service.
create table pending_signup (
    id             uuid primary key,
    email          text        not null unique,
    password_hash  text        not null,
    business_name  text        not null,
    default_region text        not null,
    time_zone      text        not null,
    platform_ids   text        not null,
    token_hash     text        not null unique,
    expires_at     timestamptz not null,
    created_at     timestamptz not null
);

create table console_session (
    token_hash text primary key,
    user_id    uuid        not null references console_user (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null
);

create index console_session_user on console_session (user_id);
