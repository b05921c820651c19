package dev.lifeline.outreach.webhook;

import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.delivery.DeliveryStore;
import dev.lifeline.outreach.run.Run;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Webhook runs: one call per run to the business's own endpoint, recorded in the ledger like any delivery. */
@ApplicationScoped
public class WebhookDispatch {

    public static final String RECIPIENT = "business";

    @Inject
    DeliveryStore deliveries;

    public void queue(Run run, Campaign campaign, Instant now) {
        deliveries.queue(run.id(), run.tenantId(), run.platformId(), false, "webhook", List.of(RECIPIENT), now);
    }
}
