package dev.lifeline.outreach.run;

import java.time.Instant;
import java.util.UUID;

public record Run(
        UUID id,
        String tenantId,
        UUID campaignId,
        String outageId,
        String platformId,
        String trigger,
        String status,
        boolean dryRun,
        Instant dueAt,
        Integer audience,
        Instant createdAt,
        Instant dispatchedAt,
        Instant finishedAt) {

    public static final String TRIGGER_OUTAGE = "outage";
    public static final String TRIGGER_RECOVERY = "recovery";
    public static final String TRIGGER_MANUAL = "manual";
}
