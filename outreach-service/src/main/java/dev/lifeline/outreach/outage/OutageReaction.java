package dev.lifeline.outreach.outage;

import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.kit.inbox.ProcessedEvents;
import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.campaign.CampaignKind;
import dev.lifeline.outreach.campaign.CampaignStore;
import dev.lifeline.outreach.delivery.DeliveryStore;
import dev.lifeline.outreach.run.Run;
import dev.lifeline.outreach.run.RunStatus;
import dev.lifeline.outreach.run.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * An outage event becomes scheduled runs (one per covering campaign, due after its grace period); a resolution
 * cancels what is still waiting or queued and schedules the "we're back" campaigns.
 */
@ApplicationScoped
public class OutageReaction {

    static final String CONSUMER = "outreach-outages";

    @Inject
    ProcessedEvents processed;

    @Inject
    OutageStore outages;

    @Inject
    CampaignStore campaigns;

    @Inject
    RunStore runs;

    @Inject
    DeliveryStore deliveries;

    /** @return how many runs were scheduled */
    @Transactional
    public int started(InboundEvent in, OutageStarted started) {
        if (!processed.firstTime(CONSUMER, in.id())) {
            return 0;
        }
        outages.started(started.outageId(), started.platformId(), started.tenantId(), started.startedAt());
        return schedule(
                started.outageId(), started.platformId(), started.tenantId(), CampaignKind.OUTAGE, Run.TRIGGER_OUTAGE);
    }

    /** @return how many "we're back" runs were scheduled */
    @Transactional
    public int resolved(InboundEvent in, OutageResolved resolved) {
        if (!processed.firstTime(CONSUMER, in.id())
                || !outages.resolved(
                        resolved.outageId(),
                        resolved.platformId(),
                        resolved.tenantId(),
                        resolved.startedAt(),
                        resolved.resolvedAt())) {
            return 0;
        }
        Instant now = Instant.now();
        for (Run run : runs.openForOutage(resolved.outageId())) {
            deliveries.cancelQueued(run.id());
            if (RunStatus.SCHEDULED.equals(run.status())) {
                runs.markCancelled(run.id(), now);
            }
        }
        return schedule(
                resolved.outageId(),
                resolved.platformId(),
                resolved.tenantId(),
                CampaignKind.RECOVERY,
                Run.TRIGGER_RECOVERY);
    }

    private int schedule(
            String outageId, String platformId, String platformTenantId, CampaignKind kind, String trigger) {
        Instant now = Instant.now();
        int scheduled = 0;
        for (Campaign c : campaigns.activeFor(platformId, platformTenantId, kind)) {
            Instant due = kind == CampaignKind.OUTAGE ? now.plus(c.gracePeriod()) : now;
            Run run = new Run(
                    UUID.randomUUID(),
                    c.tenantId(),
                    c.id(),
                    outageId,
                    platformId,
                    trigger,
                    RunStatus.SCHEDULED,
                    false,
                    due,
                    null,
                    now,
                    null,
                    null);
            if (runs.insert(run)) {
                scheduled++;
            }
        }
        return scheduled;
    }
}
