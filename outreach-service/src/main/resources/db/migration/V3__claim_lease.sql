-- The claim lease: a claim (queued -> sending) records when, by which instance and under which token it was made.
-- A claim older than lifeline.delivery.claim-lease belongs to a sender that crashed; the sweeper queues it again.
-- Outcome writes are conditioned on the token, so a sender that lost its claim cannot overwrite a newer one.
-- Rows already stranded in sending before this migration have no claim time and are left as they are: how old their
-- message is, nobody knows any more.
alter table delivery add column claimed_at timestamptz, add column claimed_by text, add column claim_token uuid;
create index delivery_claim_lease on delivery (claimed_at) where state = 'sending';
