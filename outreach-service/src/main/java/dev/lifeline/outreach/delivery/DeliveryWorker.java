package dev.lifeline.outreach.delivery;

import dev.lifeline.events.outreach.DeliveryBatch;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.TtlCache;
import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.campaign.CampaignStore;
import dev.lifeline.outreach.config.DeliveryConfig;
import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.contacts.ContactStore;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.unsubscribe.ConsentWithdrawals;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a batch of deliveries: claim in the ledger first (only one worker ever wins a delivery), then send, then record
 * the outcome.
 * A crash after the claim leaves the delivery in {@code sending} until its claim lease runs out; then
 * {@link ClaimSweeper} queues it again and a new job takes this same path.
 *
 * <p>Past the usual size on purpose: a batch's claim, its quiet-hours deferrals, the send per channel and the hand-off
 * of each outcome are one sequence whose order carries the delivery guarantees, and reads best in one place; the
 * channels' details live in their senders, the outcomes' writing in {@link OutcomeWriter}.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryStore ledger;

    @Inject
    CampaignStore campaigns;

    @Inject
    ContactStore contacts;

    @Inject
    MessageRenderer renderer;

    @Inject
    ChannelSenders senders;

    @Inject
    OutreachConfig config;

    @Inject
    Sql sql;

    @Inject
    ConsentWithdrawals withdrawals;

    @Inject
    MeterRegistry metrics;

    @Inject
    SendLimits limits;

    @Inject
    OutcomeWriter outcomes;

    @Inject
    DeliveryConfig deliveryConfig;

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    /**
     * Sends one batch: claims all its deliveries in one statement, sends to each claimed contact in turn over the
     * pooled SMTP connections, and hands each outcome to {@link OutcomeWriter}, which commits them in batches.
     *
     * @return completes when every outcome of the batch is in the ledger: only then may the record be acknowledged
     */
    public CompletionStage<Void> deliver(DeliveryBatch batch) {
        UUID runId = UUID.fromString(batch.runId());
        String channel = ContactStore.channelName(batch.channel());
        // Read before the claim, so that no row's claim is older in the ledger than this sender believes.
        long claimedAt = System.nanoTime();
        List<ContactStore.Claim> claims =
                contacts.claimBatch(runId, channel, batch.contactIds(), batch.tenantId(), DeliveryStore.INSTANCE);
        if (claims.size() < batch.contactIds().size()) {
            metrics.counter("lifeline_outreach_duplicate_jobs_total")
                    .increment(batch.contactIds().size() - claims.size());
        }
        if (claims.isEmpty()) {
            return DONE;
        }
        ClaimLease lease = new ClaimLease(deliveryConfig.claimLease());
        List<CompletableFuture<Void>> recorded = new ArrayList<>(claims.size());
        for (ContactStore.Claim claim : claims) {
            DeliveryJob job = new DeliveryJob(
                    batch.tenantId(), batch.runId(), batch.campaignId(), claim.contactId(), batch.channel());
            // Each delivery confirms its own row once a quarter lease has passed since the batch was claimed (a slow,
            // rate-limited batch reaches its last rows late), so that a row the sweeper took back meanwhile is never
            // sent by this sender as well: counting from the claim, not from when the loop reaches the row.
            HeldClaim held = lease.hold(
                    claim.token(), claimedAt, token -> ledger.confirm(runId, claim.contactId(), channel, token));
            try {
                recorded.add(send(job, runId, channel, claim, held).toCompletableFuture());
            } catch (HeldClaim.Lost lost) {
                // The sweeper queued the delivery again and its new job owns it now; this one is done.
                metrics.counter("lifeline_outreach_claims_lost_total", "channel", channel)
                        .increment();
                LOG.warnf("Delivery of run %s: claim lease expired before the send, left to the newer claim", runId);
            } catch (RuntimeException e) {
                if (DatabaseOutage.isCause(e)) {
                    // The rest of the batch stays claimed; after the lease the sweeper queues it again.
                    throw e;
                }
                // One contact's bad data (say, a template that fails on it) must not hold back the rest of the batch.
                LOG.warnf("Delivery of run %s failed: %s", runId, e.getClass().getSimpleName());
                recorded.add(finish(
                                job,
                                runId,
                                channel,
                                held,
                                DeliveryState.FAILED,
                                null,
                                "internal error: " + e.getClass().getSimpleName())
                        .toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new));
    }

    private CompletionStage<Void> send(
            DeliveryJob job, UUID runId, String channel, ContactStore.Claim claim, HeldClaim held) {
        Optional<Campaign> campaign = campaign(UUID.fromString(job.campaignId()))
                .filter(c -> c.tenantId().equals(job.tenantId()));
        Optional<ProjectedContact> contact = Optional.ofNullable(claim.contact());
        if (campaign.isEmpty() || contact.isEmpty()) {
            return finish(
                    job,
                    runId,
                    channel,
                    held,
                    DeliveryState.CANCELLED,
                    null,
                    campaign.isEmpty() ? "campaign deleted" : "contact erased");
        }
        if (!contact.get().confirmed(job.channel())) {
            return finish(job, runId, channel, held, DeliveryState.CANCELLED, null, "consent withdrawn");
        }
        if (campaign.get().quietHours() != null) {
            Optional<Instant> until = campaign.get()
                    .quietHours()
                    .deferUntil(Instant.now(), contact.get().timeZone());
            if (until.isPresent()) {
                ledger.defer(runId, job.contactId(), channel, held.token(), until.get());
                metrics.counter("lifeline_outreach_messages_total", "channel", channel, "outcome", "deferred")
                        .increment();
                return DONE;
            }
        }
        RenderedMessage message = renderer.render(campaign.get(), contact.get(), outageFacts(runId));
        ChannelSender sender = senders.of(job.channel());
        String messageKey = job.runId() + "." + job.contactId();
        RetryPolicy retry = new RetryPolicy(
                config.sendMaxAttempts(), config.sendInitialBackoff(), config.sendMaxBackoff(), RetryPolicy::sleep);
        SendResult result = retry.run(
                () -> {
                    Timer.Sample sample = Timer.start(metrics);
                    SendResult r = limits.acquire(job.tenantId(), job.channel(), () -> {
                        held.beforeSend();
                        return sender.send(contact.get(), message, messageKey);
                    });
                    sample.stop(metrics.timer("lifeline_outreach_send_seconds", "channel", channel));
                    return r;
                },
                transientError -> {
                    if (!ledger.attempt(runId, job.contactId(), channel, held.token(), transientError.error())) {
                        throw new HeldClaim.Lost();
                    }
                    metrics.counter("lifeline_outreach_retries_total", "channel", channel)
                            .increment();
                });
        if (result instanceof SendResult.Sent sent) {
            return finish(job, runId, channel, held, DeliveryState.SENT, sent.providerMessageId(), null);
        } else if (result instanceof SendResult.Permanent permanent) {
            if (permanent.hardBounce()) {
                withdrawals.hardBounce(job.tenantId(), job.contactId(), job.channel());
            }
            return finish(
                    job,
                    runId,
                    channel,
                    held,
                    permanent.hardBounce() ? DeliveryState.BOUNCED : DeliveryState.FAILED,
                    null,
                    permanent.error());
        }
        throw new IllegalStateException(
                "unexpected send result " + result.getClass().getSimpleName());
    }

    private CompletionStage<Void> finish(
            DeliveryJob job,
            UUID runId,
            String channel,
            HeldClaim held,
            String state,
            String providerId,
            String error) {
        CompletionStage<Void> recorded =
                outcomes.finish(runId, job.contactId(), channel, held.token(), state, providerId, error);
        metrics.counter("lifeline_outreach_messages_total", "channel", channel, "outcome", state)
                .increment();
        if (!DeliveryState.SENT.equals(state)) {
            LOG.debugf("Delivery of run %s to contact %s: %s (%s)", runId, job.contactId(), state, error);
        }
        return recorded;
    }

    /** Campaigns change rarely and a run takes seconds: a short cache saves a query per message. */
    private final TtlCache<UUID, Optional<Campaign>> campaignCache = new TtlCache<>(Duration.ofSeconds(2), 10_000);
    /** A run's platform and start time never change. */
    private final TtlCache<UUID, MessageRenderer.OutageFacts> factsCache = new TtlCache<>(Duration.ofHours(1), 10_000);

    private Optional<Campaign> campaign(UUID id) {
        return campaignCache.get(id, campaigns::find);
    }

    private MessageRenderer.OutageFacts outageFacts(UUID runId) {
        return factsCache.get(runId, this::loadOutageFacts);
    }

    private MessageRenderer.OutageFacts loadOutageFacts(UUID runId) {
        return sql.one(
                        """
                select r.platform_id, coalesce(o.started_at, r.created_at) as started_at
                from campaign_run r left join outage o on o.outage_id = r.outage_id where r.id = ?
                """,
                        rs -> new MessageRenderer.OutageFacts(
                                rs.getString("platform_id"), Sql.instant(rs, "started_at")),
                        runId)
                .orElseThrow();
    }
}
