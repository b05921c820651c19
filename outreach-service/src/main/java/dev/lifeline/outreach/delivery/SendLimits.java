package dev.lifeline.outreach.delivery;

import dev.lifeline.events.contact.ContactChannel;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per-tenant and per-channel token buckets and a per-provider concurrency limit around each send. Waiting here is
 * the back-pressure: the delivery consumer simply takes longer, nothing is dropped.
 */
@ApplicationScoped
public class SendLimits {

    @Inject
    LimitsConfig config;
    @Inject
    MeterRegistry metrics;

    private final Map<String, TokenBucket> tenants = new ConcurrentHashMap<>();
    private final Map<ContactChannel, TokenBucket> channels = new ConcurrentHashMap<>();
    private final Map<ContactChannel, Semaphore> providers = new ConcurrentHashMap<>();

    public SendResult acquire(String tenantId, ContactChannel channel, Supplier<SendResult> send) {
        long wait = Math.max(
                tenants.computeIfAbsent(tenantId, t -> new TokenBucket(config.tenantPerSecond(), Math.max(1, config.tenantPerSecond()), System::nanoTime)).reserve(),
                channels.computeIfAbsent(channel, c -> new TokenBucket(rate(c), Math.max(1, rate(c)), System::nanoTime)).reserve());
        if (wait > 0) {
            metrics.counter("lifeline_outreach_rate_limit_waits_total", "channel", channel.name().toLowerCase()).increment();
            metrics.timer("lifeline_outreach_rate_limit_wait_seconds", "channel", channel.name().toLowerCase())
                    .record(wait, TimeUnit.NANOSECONDS);
            RetryPolicy.sleep(java.time.Duration.ofNanos(wait));
        }
        Semaphore provider = providers.computeIfAbsent(channel, c -> new Semaphore(c == ContactChannel.SMS
                ? config.smsConcurrency() : config.emailConcurrency(), true));
        provider.acquireUninterruptibly();
        try {
            return send.get();
        } finally {
            provider.release();
        }
    }

    private double rate(ContactChannel c) {
        return c == ContactChannel.SMS ? config.smsPerSecond() : config.emailPerSecond();
    }
}
