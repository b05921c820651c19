package dev.lifeline.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three monitor replicas watch the platform simulator. A platform goes down and comes back while the replica that
 * opened its outage is killed with kill -9, and while a new replica starts: every incident gives exactly one
 * {@code outage.started} and one {@code outage.resolved} (the "we're back" trigger), and nothing stays open.
 */
@Order(5)
class MonitorReplicasTest {

    private static final String SECOND = RunningSystem.MONITOR + "-2";
    private static final String THIRD = RunningSystem.MONITOR + "-3";
    private static final String STARTING = RunningSystem.MONITOR + "-4";
    private static final Duration DETECTION = Duration.ofMinutes(2);
    private static final List<String> PLATFORMS = List.of(CatalogPlatforms.ETSY, CatalogPlatforms.SHOPIFY);

    private static RunningSystem system;

    @BeforeAll
    static void threeReplicas() {
        system = SharedSystem.get();
        system.addInstance(RunningSystem.MONITOR, SECOND);
        system.addInstance(RunningSystem.MONITOR, THIRD);
    }

    @AfterAll
    static void backToOne() {
        List<JsonNode> open = PLATFORMS.stream()
                .map(MonitorReplicasTest::openOutage)
                .filter(o -> o != null)
                .toList();
        Results.add(Results.OUTAGES_LEFT_OPEN, open.size());
        for (String extra : List.of(SECOND, THIRD, STARTING)) {
            try {
                system.remove(extra);
            } catch (IllegalArgumentException gone) {
                // never started, or already removed
            }
        }
        assertThat(open)
                .as("outages still open after their platforms recovered")
                .isEmpty();
    }

    @Test
    @Order(1)
    void theReplicaThatOpenedAnOutageIsKilledAndTheOutageStillResolves() {
        String platform = CatalogPlatforms.ETSY;
        system.simulator().set(platform, Mode.FIVE_XX, Duration.ZERO, Duration.ZERO);
        OutageEvents.await(system, platform, OutageEvents.STARTED, DETECTION);
        JsonNode outage = eventually(() -> openOutage(platform), o -> o != null && o.hasNonNull("detectedBy"));
        String opener = outage.path("detectedBy").asText();

        system.kill(opener);
        system.simulator().set(platform, Mode.UP, Duration.ZERO, Duration.ZERO);
        OutageEvents.await(system, platform, OutageEvents.RESOLVED, DETECTION);
        awaitEveryReplicaSees(platform, "up");
        long started = OutageEvents.count(system, platform, OutageEvents.STARTED);
        long resolved = OutageEvents.count(system, platform, OutageEvents.RESOLVED);
        record(started, resolved, true);
        // Back to three replicas (the killed one may be the suite's main instance, which later tests use).
        system.restart(opener);

        assertThat(started).as("outage.started events of one incident").isEqualTo(1);
        assertThat(resolved)
                .as("outage.resolved events after the opener (" + opener + ") was killed")
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aReplicaThatStartsDuringAnOutageDoesNotResolveItBeforeThePlatformRecovers() {
        String platform = CatalogPlatforms.SHOPIFY;
        system.simulator().set(platform, Mode.FIVE_XX, Duration.ZERO, Duration.ZERO);
        OutageEvents.await(system, platform, OutageEvents.STARTED, DETECTION);

        system.addInstance(RunningSystem.MONITOR, STARTING);
        // The new replica has probed the platform (still down) three times itself, and heard the others meanwhile.
        eventually(() -> failedProbes(STARTING, platform), failures -> failures >= 3);
        assertThat(OutageEvents.count(system, platform, OutageEvents.RESOLVED))
                .as("a starting replica resolved an outage it had not seen recover")
                .isZero();
        assertThat(openOutage(platform)).as("the outage is still open").isNotNull();
        assertThat(state(STARTING, platform)).isEqualTo("down");

        system.simulator().set(platform, Mode.UP, Duration.ZERO, Duration.ZERO);
        OutageEvents.await(system, platform, OutageEvents.RESOLVED, DETECTION);
        awaitEveryReplicaSees(platform, "up");
        long started = OutageEvents.count(system, platform, OutageEvents.STARTED);
        long resolved = OutageEvents.count(system, platform, OutageEvents.RESOLVED);
        record(started, resolved, false);
        assertThat(started).isEqualTo(1);
        assertThat(resolved).isEqualTo(1);
    }

    private static void record(long started, long resolved, boolean failover) {
        Results.add(Results.DUPLICATE_OUTAGE_EVENTS, Math.max(0, started - 1) + Math.max(0, resolved - 1));
        if (failover && started == 1 && resolved == 1) {
            Results.add(Results.MONITOR_FAILOVERS, 1);
        }
    }

    /** The platform's open outage as the suite's main monitor instance shows it, or null. */
    private static JsonNode openOutage(String platform) {
        Http.Reply outages =
                Http.get(system.monitor().baseUrl() + "/api/v1/platforms/" + platform + "/outages?limit=1", Map.of());
        JsonNode latest = outages.body().path(0);
        return latest.path("open").asBoolean(false) ? latest : null;
    }

    private static String state(String instance, String platform) {
        for (JsonNode status : Http.get(system.process(instance).baseUrl() + "/api/v1/status", Map.of())
                .body()) {
            if (platform.equals(status.path("platformId").asText())) {
                return status.path("state").asText();
            }
        }
        return null;
    }

    /** Every running replica's status shows the platform so, its machine included: no decision is still pending. */
    private static void awaitEveryReplicaSees(String platform, String expected) {
        for (String instance : List.of(RunningSystem.MONITOR, SECOND, THIRD, STARTING)) {
            try {
                if (system.process(instance).isAlive()) {
                    eventually(() -> state(instance, platform), expected::equals);
                }
            } catch (IllegalArgumentException notRunning) {
                // that replica is not part of this test (yet)
            }
        }
    }

    /** Failed probe runs of the platform by this replica alone, from its own metrics. */
    private static long failedProbes(String instance, String platform) {
        String metrics;
        try {
            metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(system.process(instance).managementUrl() + "/q/metrics"))
                                    .header("Accept", "text/plain")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return metrics.lines()
                .filter(l -> l.startsWith("lifeline_probe_failures_total{")
                        && l.contains("platform=\"" + platform + "\"")
                        && l.contains("outcome=\"failed\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(DETECTION);
        T value = read.get();
        while (!done.test(value)) {
            assertThat(Instant.now())
                    .as("still " + value + " after " + DETECTION)
                    .isBefore(deadline);
            Business.sleep(Duration.ofSeconds(1));
            value = read.get();
        }
        return value;
    }
}
