-- A run's opening slice (slice 0) goes onto the work queue at dispatch, its bulk only while no opening slice waits
-- for a sender (RunFeeder asks at every feed); this keeps that question one index probe in a ledger of millions.
create index delivery_opening_waiting on delivery (created_at) where state = 'queued' and slice = 0;
