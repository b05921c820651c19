-- Team members join by invitation; anyone may sign in with a mailed one-time link. Both tokens are stored as SHA-256
-- hashes (hex) like the others in V1: a read of this database gives no working invitation or sign-in link.

-- An owner's invitation of one address into the business, until it is accepted, revoked or expires. Inviting the
-- same address again replaces the row (and so the link).
create table team_invitation (
    id          uuid primary key,
    business_id uuid        not null references business (id) on delete cascade,
    email       text        not null,
    role        text        not null check (role in ('owner', 'staff')),
    token_hash  text        not null unique,
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    unique (business_id, email)
);

-- A mailed sign-in link: single use (the row is deleted when it signs in) and short-lived.
create table sign_in_link (
    token_hash text primary key,
    user_id    uuid        not null references console_user (id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null
);

create index sign_in_link_user on sign_in_link (user_id);
