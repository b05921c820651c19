package dev.lifeline.reliability;

import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers keep signing up at a steady rate while an outage campaign is going out: no capture fails, and the
 * campaign still reaches everyone once. The rate and latency are reported, not asserted (that is what benchmarks
 * are for); the errors are asserted.
 */
@Order(3)
class CaptureLoadTest {

    private static final int RATE_PER_SECOND = 50;
    private static final Duration LENGTH = Duration.ofSeconds(60);
    private static final int AUDIENCE = 3_000;

    @Test
    void capturesAtAFixedRateDuringACampaignAllSucceed() throws Exception {
        RunningSystem system = SharedSystem.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Business shop = Business.signUp(system, "load-campaign-" + suffix);
        shop.importContacts(AUDIENCE);
        String campaign = shop.emailCampaign("x");
        shop.awaitOutreachAudience(campaign, AUDIENCE, Duration.ofMinutes(3));
        Business signUps = Business.signUp(system, "load-captures-" + suffix);

        Business.declareOutage(system, "x");
        int total = (int) (RATE_PER_SECOND * LENGTH.toSeconds());
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        for (int n = 1; n <= total; n++) {
            // Open loop: each capture has its due time, and its latency counts from then, so a slow server cannot
            // hide its slowness by delaying the next request (no coordinated omission).
            long due = start + (n - 1) * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int customer = n;
            sent.add(clients.submit(() -> {
                Http.Reply reply;
                try {
                    reply = Http.post(
                            signUps.contacts("/api/v1/contacts"),
                            signUps.auth(),
                            Map.of(
                                    "name",
                                    "Customer " + customer,
                                    "email",
                                    signUps.email(customer),
                                    "consents",
                                    Map.of("email", true),
                                    "consentText",
                                    "E-mail me if the shop's platform is down"));
                } catch (IllegalStateException e) {
                    errors.incrementAndGet();
                    return;
                }
                latenciesMicros.add((System.nanoTime() - due) / 1_000);
                if (reply.status() != 201) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Future<?> request : sent) {
            request.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();

        Inbox.Tally tally = Inbox.await(system, shop, shop.emails(AUDIENCE), Duration.ofMinutes(5));
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        Results.set(
                "load: captures",
                String.format(
                        "%d at %d/s for %d s during a %d-contact campaign: %.0f/s achieved",
                        total, RATE_PER_SECOND, LENGTH.toSeconds(), AUDIENCE, total / seconds));
        Results.set(
                "load: capture latency p50 / p99", percentile(sorted, 50) + " ms / " + percentile(sorted, 99) + " ms");
        Results.set("load: capture errors", Integer.toString(errors.get()));
        Results.set("load: campaign during the load", tally.toString());
        Results.add(Results.LOST, tally.missing().size());
        Results.add(Results.DUPLICATES, tally.duplicateCopies());

        assertThat(errors.get()).as("captures that failed under load").isZero();
        assertThat(ContactDb.emails(system, signUps)).as("every capture stored").hasSize(total);
        assertThat(tally.missing())
                .as("campaign recipients missed under load — " + tally)
                .isEmpty();
        assertThat(tally.duplicates())
                .as("campaign recipients mailed twice under load — " + tally)
                .isEmpty();
    }

    private static long percentile(List<Long> sortedMicros, int percent) {
        if (sortedMicros.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1_000;
    }
}
