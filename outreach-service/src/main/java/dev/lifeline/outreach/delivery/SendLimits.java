package dev.lifeline.outreach.delivery;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.outreach.config.LimitsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per-tenant and per-channel send rates, shared by every instance (token buckets in PostgreSQL, see
 * {@link SharedBucket}), and a per-provider concurrency limit of this instance (its SMTP connections, its SMS calls)
 * around each send. Waiting here is the back-pressure: the delivery consumer simply takes longer, nothing is dropped.
 */
@ApplicationScoped
public class SendLimits {

    /** Below this a wait is not worth a sleep: the thread would oversleep it anyway. */
    private static final long SHORTEST_SLEEP_NANOS = 1_000_000;

    @Inject
    LimitsConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    RateStore rates;

    private final Map<String, SharedBucket> buckets = new ConcurrentHashMap<>();
    private final Map<ContactChannel, Semaphore> providers = new ConcurrentHashMap<>();

    public SendResult acquire(String tenantId, ContactChannel channel, Supplier<SendResult> send) {
        String channelName = channel.name().toLowerCase(Locale.ROOT);
        long at = Math.max(
                bucket("tenant:" + tenantId, config.tenantPerSecond()).reserve(),
                bucket("channel:" + channelName, rate(channel)).reserve());
        long wait = at - System.nanoTime();
        if (wait > SHORTEST_SLEEP_NANOS) {
            metrics.counter("lifeline_outreach_rate_limit_waits_total", "channel", channelName)
                    .increment();
            metrics.timer("lifeline_outreach_rate_limit_wait_seconds", "channel", channelName)
                    .record(wait, TimeUnit.NANOSECONDS);
            RetryPolicy.sleep(Duration.ofNanos(wait));
        }
        Semaphore provider = providers.computeIfAbsent(channel, c -> new Semaphore(concurrency(c), true));
        provider.acquireUninterruptibly();
        try {
            return send.get();
        } finally {
            provider.release();
        }
    }

    private SharedBucket bucket(String key, double rate) {
        return buckets.computeIfAbsent(
                key,
                k -> new SharedBucket(
                        rate,
                        (perSecond, burst, n) ->
                                DatabaseOutage.waitOut(SendLimits.class, () -> rates.take(k, perSecond, burst, n)),
                        System::nanoTime));
    }

    private double rate(ContactChannel c) {
        return switch (c) {
            case SMS -> config.smsPerSecond();
            case WHATSAPP -> config.whatsappPerSecond();
            case EMAIL -> config.emailPerSecond();
        };
    }

    private int concurrency(ContactChannel c) {
        return switch (c) {
            case SMS -> config.smsConcurrency();
            case WHATSAPP -> config.whatsappConcurrency();
            case EMAIL -> config.emailConcurrency();
        };
    }
}
