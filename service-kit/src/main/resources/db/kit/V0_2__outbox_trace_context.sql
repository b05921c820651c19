-- The W3C trace context of the span that wrote the row (null when tracing is off), so the relay, which publishes
-- later on its own thread, can put it on the Kafka record and the consumer's spans join the writer's trace.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
