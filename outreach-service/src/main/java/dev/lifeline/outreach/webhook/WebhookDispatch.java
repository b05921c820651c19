package dev.lifeline.outreach.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.egress.EgressRefused;
import dev.lifeline.kit.egress.GuardedHttpClient;
import dev.lifeline.outreach.Sql;
import dev.lifeline.outreach.campaign.Campaign;
import dev.lifeline.outreach.campaign.CampaignStore;
import dev.lifeline.outreach.config.DeliveryConfig;
import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ClaimLease;
import dev.lifeline.outreach.delivery.DeliveryState;
import dev.lifeline.outreach.delivery.DeliveryStore;
import dev.lifeline.outreach.delivery.HeldClaim;
import dev.lifeline.outreach.delivery.MessageRenderer;
import dev.lifeline.outreach.delivery.RetryPolicy;
import dev.lifeline.outreach.delivery.SendResult;
import dev.lifeline.outreach.delivery.Slicing;
import dev.lifeline.outreach.run.Run;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhook runs: one signed POST per run to the business's own endpoint, claimed in the ledger like any delivery
 * (recipient {@value #RECIPIENT}), with a timeout and retries. Queued calls are picked up by the run launcher, so a
 * restart resumes them. The POST goes through the kit's {@link GuardedHttpClient}: a URL that is, or resolves to, an
 * internal address fails the delivery for good ({@value EgressRefused#PREFIX}...), without retries; redirects are
 * not followed.
 */
@ApplicationScoped
public class WebhookDispatch {

    public static final String RECIPIENT = "business";
    public static final String CHANNEL = "webhook";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryStore deliveries;

    @Inject
    CampaignStore campaigns;

    @Inject
    MessageRenderer renderer;

    @Inject
    OutreachConfig config;

    @Inject
    Sql sql;

    @Inject
    MeterRegistry metrics;

    @Inject
    DeliveryConfig deliveryConfig;

    @Inject
    GuardedHttpClient http;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "outreach-webhooks");
        t.setDaemon(true);
        return t;
    });

    void stop(@Observes ShutdownEvent e) {
        executor.shutdownNow();
    }

    public void queue(Run run, Campaign campaign, Instant now) {
        deliveries.queue(
                run.id(),
                run.tenantId(),
                run.platformId(),
                false,
                CHANNEL,
                List.of(RECIPIENT),
                0,
                new Slicing(1, 1),
                now);
    }

    /** Claims queued webhook calls and sends them in the background. */
    public void sendQueued() {
        List<UUID> queued = sql.query(
                "select run_id from delivery where channel = 'webhook' and state = 'queued' limit 50",
                rs -> Sql.uuid(rs, "run_id"));
        for (UUID runId : queued) {
            deliveries.claim(runId, RECIPIENT, CHANNEL).ifPresent(token -> {
                HeldClaim held = new ClaimLease(deliveryConfig.claimLease())
                        .hold(token, t -> deliveries.confirm(runId, RECIPIENT, CHANNEL, t));
                executor.submit(() -> send(runId, held));
            });
        }
    }

    private void send(UUID runId, HeldClaim held) {
        SendResult result;
        try {
            result = call(runId, held);
        } catch (HeldClaim.Lost lost) {
            // The lease ran out (e.g. a very long retry sequence); the sweeper queued the call again for a new claim.
            metrics.counter("lifeline_outreach_claims_lost_total", "channel", CHANNEL)
                    .increment();
            return;
        } catch (RuntimeException e) {
            result = new SendResult.Permanent("webhook: " + e.getClass().getSimpleName(), false);
        }
        String state = result instanceof SendResult.Sent ? DeliveryState.SENT : DeliveryState.FAILED;
        deliveries.finish(
                runId,
                RECIPIENT,
                CHANNEL,
                held.token(),
                state,
                result instanceof SendResult.Sent s ? s.providerMessageId() : null,
                result instanceof SendResult.Permanent p ? p.error() : null);
        metrics.counter("lifeline_outreach_messages_total", "channel", CHANNEL, "outcome", state)
                .increment();
    }

    private SendResult call(UUID runId, HeldClaim held) {
        Map<String, Object> run = sql.one(
                        """
                select r.tenant_id, r.campaign_id, r.outage_id, r.platform_id, r.trigger,
                       coalesce(o.started_at, r.created_at) as started_at
                from campaign_run r left join outage o on o.outage_id = r.outage_id where r.id = ?
                """,
                        rs -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("tenantId", rs.getString("tenant_id"));
                            m.put("campaignId", Sql.uuid(rs, "campaign_id"));
                            m.put("outageId", rs.getString("outage_id"));
                            m.put("platformId", rs.getString("platform_id"));
                            m.put("trigger", rs.getString("trigger"));
                            m.put("startedAt", Sql.instant(rs, "started_at"));
                            return m;
                        },
                        runId)
                .orElseThrow();
        Campaign campaign = campaigns.find((UUID) run.get("campaignId")).orElseThrow();
        String platform = (String) run.get("platformId");
        Instant startedAt = (Instant) run.get("startedAt");
        String message = null;
        if (campaign.textBody() != null) {
            ProjectedContact business = new ProjectedContact(
                    campaign.tenantId(),
                    RECIPIENT,
                    "",
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    Map.<ContactChannel, ConsentStatus>of());
            message = renderer.render(campaign, business, new MessageRenderer.OutageFacts(platform, startedAt))
                    .text();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "lifeline.outreach." + campaign.kind().id());
        payload.put("runId", runId.toString());
        payload.put("campaignId", campaign.id().toString());
        payload.put("tenantId", campaign.tenantId());
        payload.put("trigger", run.get("trigger"));
        payload.put("outageId", run.get("outageId"));
        payload.put("platformId", platform);
        payload.put("platform", MessageRenderer.platformName(platform));
        payload.put("startedAt", startedAt.toString());
        payload.put("message", message);
        String body;
        try {
            body = JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RetryPolicy retry = new RetryPolicy(
                config.sendMaxAttempts(), config.sendInitialBackoff(), config.sendMaxBackoff(), RetryPolicy::sleep);
        return retry.run(
                () -> {
                    held.beforeSend();
                    return post(campaign, runId, body);
                },
                t -> {
                    if (!deliveries.attempt(runId, RECIPIENT, CHANNEL, held.token(), t.error())) {
                        throw new HeldClaim.Lost();
                    }
                });
    }

    private SendResult post(Campaign campaign, UUID runId, String body) {
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                "User-Agent", "Lifeline-Outreach/1",
                "X-Lifeline-Delivery", runId.toString(),
                "X-Lifeline-Timestamp", Long.toString(timestamp),
                "X-Lifeline-Signature", WebhookSigner.signature(campaign.webhookSecret(), timestamp, body));
        try {
            int status = http.post(URI.create(campaign.webhookUrl().trim()), headers, body, TIMEOUT, 4096)
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS)
                    .status();
            if (status >= 200 && status < 300) {
                return new SendResult.Sent("HTTP " + status);
            }
            if (status == 408 || status == 429 || status >= 500) {
                return new SendResult.Transient("webhook HTTP " + status);
            }
            return new SendResult.Permanent("webhook HTTP " + status, false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EgressRefused refused) {
                return new SendResult.Permanent("webhook " + refused.detail(), false);
            }
            return new SendResult.Transient(
                    "webhook: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            return new SendResult.Transient("webhook: timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("webhook: interrupted");
        }
    }
}
