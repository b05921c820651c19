-- A run's audience is cut into slices (one DeliveryBatch each). Only a window of them is on the work queue at a time;
-- the rest wait here and are published as the earlier ones are sent, so a run of 100,000 never stands in a partition
-- in front of the one small batch of every other business.
alter table delivery add column slice integer;
alter table campaign_run add column slices integer not null default 0,
    add column slices_published integer not null default 0;
create index delivery_run_slice on delivery (run_id, slice) where state = 'queued';
create index campaign_run_feeding on campaign_run (id) where status = 'dispatched' and slices_published < slices;
-- "One outage message per contact and platform" is looked up per tenant at each dispatch; without this index every
-- dispatch read the whole ledger, and a storm of a thousand small runs was a thousand scans of it.
create index delivery_tenant_notice on delivery (tenant_id, platform_id, created_at) where outage_notice;
