package dev.lifeline.outreach.run;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.DeliveryBatch;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.outreach.config.DeliveryConfig;
import dev.lifeline.outreach.config.LimitsConfig;
import dev.lifeline.outreach.delivery.DeliveryStore;
import dev.lifeline.outreach.delivery.Slicing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Keeps each dispatched run's slices flowing onto the work queue a window at a time ({@code lifeline.delivery.run-window}
 * recipients): the work queue is first in, first out per partition, so a run of 100,000 published at once would stand
 * in front of every smaller run dispatched after it. A run's dispatch publishes only its opening slice (a few
 * recipients, {@link Slicing}); its bulk follows here, and only while no business's opening slice is waiting for a
 * sender, so in a storm every business's first messages are ahead of everyone's bulk. With a window, each run has
 * only a few batches waiting. Slices wait in the ledger (state queued) until published, so a restart loses none: the
 * next feed publishes them. Any instance may feed a run ({@code for update skip locked}).
 */
@ApplicationScoped
public class RunFeeder {

    @Inject
    RunStore runs;

    @Inject
    DeliveryStore deliveries;

    @Inject
    Outbox outbox;

    @Inject
    DeliveryConfig config;

    @Inject
    LimitsConfig limits;

    /**
     * The opening slice, then batches of the configured size, but never more than a second of the tenant's send rate,
     * so that a batch of a rate-limited tenant is sent within seconds and its claims stay fresh.
     */
    public Slicing slicing() {
        int size = (int) Math.max(1, Math.min(config.batchSize(), limits.tenantPerSecond()));
        return new Slicing(Math.min(config.openingSlice(), size), size);
    }

    /** Tops up every run whose published slices are half sent. @return how many batches were published */
    @Transactional
    public int feed() {
        if (deliveries.openingWaiting(Instant.now().minus(config.openingPriority()))) {
            return 0;
        }
        int published = 0;
        for (RunStore.Feeding f : runs.lockFeeding(100)) {
            int waiting = deliveries.queuedBefore(f.id(), f.published());
            if (waiting * 2 < config.runWindow()) {
                published +=
                        publish(f.id(), f.tenantId(), f.campaignId(), f.channel(), f.slices(), f.published(), waiting);
            }
        }
        return published;
    }

    /** Publishes the run's opening slice (its first recipients); call inside the transaction that dispatches the run. */
    void publishOpening(UUID runId, String tenantId, UUID campaignId, ContactChannel channel, List<String> contactIds) {
        outbox.enqueueAll(
                Topics.OUTREACH_DELIVERIES,
                List.of(new DeliveryBatch(tenantId, runId.toString(), campaignId.toString(), channel, 0, contactIds)));
    }

    /**
     * Publishes the run's next slices until about a window of its recipients is on the work queue; call inside the
     * transaction that locked the run.
     *
     * @return how many batches were published
     */
    private int publish(
            UUID runId,
            String tenantId,
            UUID campaignId,
            ContactChannel channel,
            int slices,
            int published,
            int waiting) {
        int size = slicing().size();
        int upTo = Math.min(slices, published + Math.max(1, (config.runWindow() - waiting + size - 1) / size));
        return publishSlices(runId, tenantId, campaignId, channel, published, upTo);
    }

    private int publishSlices(
            UUID runId, String tenantId, UUID campaignId, ContactChannel channel, int from, int upTo) {
        SortedMap<Integer, List<String>> bySlice = deliveries.queuedInSlices(runId, from, upTo);
        List<DeliveryBatch> batches = new ArrayList<>(bySlice.size());
        bySlice.forEach((slice, contacts) -> batches.add(
                new DeliveryBatch(tenantId, runId.toString(), campaignId.toString(), channel, slice, contacts)));
        outbox.enqueueAll(Topics.OUTREACH_DELIVERIES, batches);
        runs.markPublished(runId, upTo);
        return batches.size();
    }
}
