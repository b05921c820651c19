package dev.lifeline.monitor.probe;

import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.kit.egress.GuardedHttpClient;
import dev.lifeline.kit.egress.SystemResolver;
import dev.lifeline.localstack.simulator.PlatformSimulator;
import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import dev.lifeline.monitor.health.ProbeOutcome;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Real probes against the platform simulator, which this test starts itself. */
class ProbeExecutorTest {

    private static PlatformSimulator simulator;
    private static ExecutorService pool;
    private static Vertx vertx;
    private static ProbeExecutor executor;

    @BeforeAll
    static void start() throws Exception {
        simulator = PlatformSimulator.start(0);
        pool = Executors.newFixedThreadPool(4);
        vertx = Vertx.vertx();
        // The simulator runs on loopback, which the egress policy allows here as the tests' profile does.
        EgressGuard guard = new EgressGuard(List.of(), List.of("127.0.0.0/8", "::1/128"), new SystemResolver());
        executor = new ProbeExecutor(
                new GuardedHttpClient(vertx, guard, Duration.ofSeconds(1), 64),
                guard,
                pool,
                Clock.systemUTC(),
                probe -> false);
        // The first request through a new Vert.x client loads and starts Netty; on a busy 2-core box that alone can
        // take longer than the 800 ms the probes below allow. A running service pays it once, at its first probe.
        executor.run(ProbeDefinition.http(
                                "warm-up",
                                "warm-up",
                                simulator.baseUrl() + "/platforms/warm-up/health",
                                Duration.ofSeconds(30))
                        .withTiming(Duration.ofSeconds(30), Duration.ofSeconds(20), 0))
                .join();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        pool.shutdownNow();
        vertx.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private ProbeDefinition http(String platform) {
        return new ProbeDefinition(
                platform + "-http",
                platform,
                ProbeKind.HTTP,
                simulator.baseUrl() + "/platforms/" + platform + "/health",
                Duration.ofSeconds(5),
                Duration.ofMillis(800),
                0,
                Duration.ofMillis(400),
                null,
                "/status",
                "ok",
                null);
    }

    private ProbeResult run(ProbeDefinition probe) {
        return executor.run(probe).join();
    }

    @Test
    void anUpPlatformPasses() {
        ProbeResult result = run(http("shop-up"));
        assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
        assertThat(result.latencyMs()).isNotNull();
    }

    @Test
    void a5xxFailsAfterItsRetries() {
        simulator.set("shop-5xx", Mode.FIVE_XX, Duration.ofSeconds(10), Duration.ofSeconds(1));
        ProbeDefinition probe = http("shop-5xx").withTiming(Duration.ofSeconds(5), Duration.ofMillis(800), 2);
        ProbeResult result = run(probe);
        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.detail()).contains("503");
    }

    @Test
    void aHangingPlatformTimesOut() {
        simulator.set("shop-hang", Mode.TIMEOUT, Duration.ofSeconds(10), Duration.ofSeconds(1));
        ProbeResult result = run(http("shop-hang"));
        assertThat(result.outcome()).isEqualTo(ProbeOutcome.FAILED);
        assertThat(result.detail()).isEqualTo("timeout");
    }

    @Test
    void aSlowPlatformIsDegraded() {
        simulator.set("shop-slow", Mode.SLOW, Duration.ofSeconds(10), Duration.ofMillis(500));
        assertThat(run(http("shop-slow")).outcome()).isEqualTo(ProbeOutcome.DEGRADED);
    }

    @Test
    void garbageFailsAJsonConditionButOnlyDegradesAStatusPage() {
        simulator.set("shop-junk", Mode.GARBAGE, Duration.ofSeconds(10), Duration.ofSeconds(1));
        assertThat(run(http("shop-junk")).outcome()).isEqualTo(ProbeOutcome.FAILED);
        ProbeDefinition statuspage = http("shop-junk")
                .withKind(ProbeKind.STATUSPAGE, simulator.baseUrl() + "/platforms/shop-junk/api/v2/status.json");
        assertThat(run(statuspage).outcome()).isEqualTo(ProbeOutcome.DEGRADED);
    }

    @Test
    void statuspageAndMetaDocumentsOfTheSimulatorAreUnderstood() {
        simulator.set("instagram", Mode.FIVE_XX, Duration.ofSeconds(10), Duration.ofSeconds(1));
        ProbeDefinition meta = http("instagram")
                .withKind(ProbeKind.META_STATUS, simulator.baseUrl() + "/platforms/instagram/meta/status.json")
                .withConditions(null, null, null, "Instagram");
        ProbeDefinition statuspage = http("shopify")
                .withKind(ProbeKind.STATUSPAGE, simulator.baseUrl() + "/platforms/shopify/api/v2/summary.json")
                .withConditions(null, null, null, "Storefront");
        assertThat(run(meta).outcome()).isEqualTo(ProbeOutcome.FAILED);
        assertThat(run(statuspage).outcome()).isEqualTo(ProbeOutcome.OK);
    }

    @Test
    void tcpAndDnsProbesWork() throws Exception {
        ProbeDefinition tcp = http("tcp").withKind(ProbeKind.TCP, "localhost:" + simulator.port());
        assertThat(run(tcp).outcome()).isEqualTo(ProbeOutcome.OK);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(run(http("tcp").withKind(ProbeKind.TCP, "localhost:" + closedPort))
                        .outcome())
                .isEqualTo(ProbeOutcome.FAILED);
        assertThat(run(http("dns").withKind(ProbeKind.DNS, "localhost")).outcome())
                .isEqualTo(ProbeOutcome.OK);
        assertThat(run(http("dns").withKind(ProbeKind.DNS, "no-such-host.invalid"))
                        .outcome())
                .isEqualTo(ProbeOutcome.FAILED);
    }

    @Test
    void aTenantsProbeOfLoopbackIsRefusedOnceAndNeverRetriedWhileTheCatalogueStillReachesIt() throws Exception {
        EgressGuard strict = new EgressGuard(List.of(), List.of(), new SystemResolver());
        ProbeDefinition tenants = http("shop-up").withTiming(Duration.ofSeconds(5), Duration.ofMillis(800), 3);
        try (GuardedHttpClient client = new GuardedHttpClient(vertx, strict, Duration.ofSeconds(1), 4)) {
            ProbeExecutor guarded = new ProbeExecutor(client, strict, pool, Clock.systemUTC(), p -> false);
            ProbeResult http = guarded.run(tenants).join();
            assertThat(http.outcome()).isEqualTo(ProbeOutcome.FAILED);
            assertThat(http.detail())
                    .startsWith("refused: ")
                    .contains("127.0.0.1")
                    .contains("loopback");
            assertThat(http.attempts()).isEqualTo(1);
            int port;
            try (ServerSocket listening = new ServerSocket(0)) {
                port = listening.getLocalPort();
                ProbeResult tcp = guarded.run(tenants.withKind(ProbeKind.TCP, "localhost:" + port))
                        .join();
                assertThat(tcp.detail()).isEqualTo("refused: localhost resolves to 127.0.0.1, a loopback address");
            }
            ProbeResult dns =
                    guarded.run(tenants.withKind(ProbeKind.DNS, "localhost")).join();
            assertThat(dns.outcome()).isEqualTo(ProbeOutcome.FAILED);
            assertThat(dns.detail()).startsWith("refused: localhost resolves to");

            ProbeExecutor catalogue = new ProbeExecutor(client, strict, pool, Clock.systemUTC(), p -> true);
            assertThat(catalogue.run(tenants).join().outcome()).isEqualTo(ProbeOutcome.OK);
        }
    }

    @Test
    void oneHangingProbeDoesNotDelayTheOthers() {
        simulator.set("hangs", Mode.TIMEOUT, Duration.ofSeconds(10), Duration.ofSeconds(1));
        CompletableFuture<ProbeResult> hanging =
                executor.run(http("hangs").withTiming(Duration.ofSeconds(5), Duration.ofSeconds(3), 0));
        List<ProbeResult> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(executor.run(http("fine-" + i)).join());
        }
        assertThat(others).allMatch(r -> r.outcome() == ProbeOutcome.OK);
        assertThat(hanging.isDone())
                .as("the others finished while the hanging one still waits")
                .isFalse();
        assertThat(hanging.join().detail()).isEqualTo("timeout");
    }
}
