-- Send rates shared by every outreach instance: one token bucket per tenant (and per channel), refilled by the
-- database's own clock. Instances take tokens in small grants, so N instances together keep the configured rate
-- instead of N times it.
create table send_rate (
    bucket text             primary key,
    tokens double precision not null,
    at     timestamptz      not null
);
