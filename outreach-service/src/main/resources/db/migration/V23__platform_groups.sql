-- Platforms that fail together: one Meta incident often takes Instagram, Facebook, Messenger and WhatsApp at once.
-- A contact gets at most one outage notice per group within lifeline.outreach.notice-window, and while any member
-- is down no member's own channel (WhatsApp) is used. A platform in no row is a group of its own.
create table platform_group (
    platform_id text primary key,
    group_id    text not null
);
create index platform_group_group on platform_group (group_id);
insert into platform_group (platform_id, group_id) values
    ('instagram', 'meta'), ('facebook', 'meta'), ('messenger', 'meta'), ('whatsapp', 'meta');
