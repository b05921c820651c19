package dev.lifeline.outreach.delivery;

import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.outreach.contacts.ContactStore;
import dev.lifeline.outreach.run.Run;
import dev.lifeline.outreach.run.RunStatus;
import dev.lifeline.outreach.webhook.WebhookDispatch;

import java.util.Optional;
import java.util.UUID;

/**
 * A delivery still in {@code sending} after its claim lease ran out: its sender crashed (or hung) between the claim
 * and the outcome. It is queued again and goes through the normal sender path (consent, erasure, quiet hours are
 * checked there), unless it is something a queued delivery would already have been cancelled for.
 */
public record ExpiredClaim(
        UUID runId,
        String contactId,
        String channel,
        String tenantId,
        UUID campaignId,
        String runStatus,
        String runTrigger,
        boolean outageResolved) {

    public static final String LEASE_EXPIRED = "claim lease expired (sender crashed?)";

    /**
     * Cancelling a run, or the outage of an outage run being resolved, cancels the run's queued deliveries but not
     * those in {@code sending}, which were being sent at that moment: a claim that expired since must follow the queued
     * ones, not be sent late.
     *
     * @return why the delivery is cancelled instead of being queued again
     */
    public Optional<String> cancellation() {
        if (RunStatus.CANCELLED.equals(runStatus)) {
            return Optional.of(LEASE_EXPIRED + "; run cancelled");
        }
        if (Run.TRIGGER_OUTAGE.equals(runTrigger) && outageResolved) {
            return Optional.of(LEASE_EXPIRED + "; outage resolved");
        }
        return Optional.empty();
    }

    /** Webhook calls are picked up from the ledger by the run launcher; every other channel needs a delivery job. */
    public Optional<DeliveryJob> job() {
        if (WebhookDispatch.CHANNEL.equals(channel)) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryJob(
                tenantId, runId.toString(), campaignId.toString(), contactId, ContactStore.channel(channel)));
    }
}
