-- Quiet hours per campaign, in each contact's own time zone: a message due inside them waits until they end.
alter table campaign add column quiet_start time, add column quiet_end time;
alter table delivery add column not_before timestamptz;
create index delivery_deferred on delivery (not_before) where state = 'deferred';
