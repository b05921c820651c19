package dev.lifeline.outreach.run;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A run with live counts from the ledger. */
public record RunView(
        UUID id,
        UUID campaignId,
        String outageId,
        String platformId,
        String trigger,
        String status,
        boolean dryRun,
        Instant dueAt,
        Integer audience,
        int queued,
        int deferred,
        int sending,
        int sent,
        int failed,
        int bounced,
        int cancelled,
        int delivered,
        int undelivered,
        int complained,
        Instant createdAt,
        Instant dispatchedAt,
        Instant finishedAt) {

    public static RunView of(Run r, Map<String, Integer> counts) {
        String status = r.status();
        if (RunStatus.DISPATCHED.equals(status)
                && counts.get("queued") == 0
                && counts.get("deferred") == 0
                && counts.get("sending") == 0) {
            status = RunStatus.COMPLETED;
        }
        return new RunView(
                r.id(),
                r.campaignId(),
                r.outageId(),
                r.platformId(),
                r.trigger(),
                status,
                r.dryRun(),
                r.dueAt(),
                r.audience(),
                counts.get("queued"),
                counts.get("deferred"),
                counts.get("sending"),
                counts.get("sent"),
                counts.get("failed"),
                counts.get("bounced"),
                counts.get("cancelled"),
                counts.get("delivered"),
                counts.get("undelivered"),
                counts.get("complained"),
                r.createdAt(),
                r.dispatchedAt(),
                r.finishedAt());
    }
}
