-- The trace context of the outage event's consumer span that scheduled the run: a run starts after its grace period,
-- on the launcher's thread, and its span (and so every delivery's) joins the trace that began at the probe verdict.
-- V20 keeps clear of the versions other changes of this service take next.
alter table campaign_run add column traceparent text, add column tracestate text;
