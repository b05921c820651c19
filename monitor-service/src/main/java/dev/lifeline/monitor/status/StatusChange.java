package dev.lifeline.monitor.status;

import java.time.Instant;

/** One change pushed on the Server-Sent Events stream: an outage started/updated/resolved or a state change. */
public record StatusChange(
        String kind, String platformId, String state, String outageId, String source, String severity, Instant at) {}
