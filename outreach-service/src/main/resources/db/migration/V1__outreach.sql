-- Outreach's own copy of contacts (from contacts.v1): it keeps working while contact-service is down.
create table outreach_contact (
    tenant_id      text        not null,
    contact_id     text        not null,
    version        bigint      not null,
    name           text,
    email          text,
    phone          text,
    locale         text,
    time_zone      text,
    tags           text[]      not null default '{}',
    channel_order  text[]      not null default '{}',
    email_consent  text        not null default 'none',
    sms_consent    text        not null default 'none',
    whatsapp_consent text      not null default 'none',
    updated_at     timestamptz not null,
    primary key (contact_id)
);
create index outreach_contact_tenant on outreach_contact (tenant_id);

-- Channels a contact must not get messages on from here: unsubscribed at outreach or hard-bounced.
-- Lifted only by a newer confirmation from contact-service (updated_at after "at").
create table suppression (
    tenant_id  text        not null,
    contact_id text        not null,
    channel    text        not null,
    reason     text        not null,
    at         timestamptz not null,
    primary key (contact_id, channel)
);

create table campaign (
    id              uuid        primary key,
    tenant_id       text        not null,
    name            text        not null,
    platform_id     text        not null,
    channel         text        not null,
    kind            text        not null,
    subject         text,
    text_body       text,
    html_body       text,
    webhook_url     text,
    webhook_secret  text,
    web_shop_url    text,
    phone           text,
    contact_email   text,
    tags            text[]      not null default '{}',
    grace_period_ms bigint      not null,
    active          boolean     not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index campaign_tenant on campaign (tenant_id);
create index campaign_platform on campaign (platform_id) where active;

create table outage (
    outage_id   text        primary key,
    platform_id text        not null,
    tenant_id   text,
    started_at  timestamptz not null,
    resolved_at timestamptz
);

create table campaign_run (
    id            uuid        primary key,
    tenant_id     text        not null,
    campaign_id   uuid        not null references campaign (id) on delete cascade,
    outage_id     text,
    platform_id   text        not null,
    trigger       text        not null,
    status        text        not null,
    dry_run       boolean     not null default false,
    due_at        timestamptz not null,
    audience      integer,
    created_at    timestamptz not null,
    dispatched_at timestamptz,
    finished_at   timestamptz
);
-- One run per campaign and outage, however often the outage event arrives.
create unique index campaign_run_outage on campaign_run (campaign_id, outage_id) where outage_id is not null;
create index campaign_run_due on campaign_run (due_at) where status = 'scheduled';
create index campaign_run_tenant on campaign_run (tenant_id, campaign_id);

-- The delivery ledger: a delivery is claimed under (run, contact, channel) before it is sent.
create table delivery (
    run_id              uuid        not null references campaign_run (id) on delete cascade,
    contact_id          text        not null,
    channel             text        not null,
    tenant_id           text        not null,
    platform_id         text        not null,
    outage_notice       boolean     not null,
    state               text        not null,
    attempts            integer     not null default 0,
    provider_message_id text,
    last_error          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (run_id, contact_id, channel)
);
create index delivery_notice on delivery (contact_id, platform_id, created_at) where outage_notice;
create index delivery_run_state on delivery (run_id, state);
