package dev.lifeline.monitor.bench;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.kit.egress.EgressGuard;
import dev.lifeline.kit.egress.GuardedHttpClient;
import dev.lifeline.kit.egress.SystemResolver;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.ServiceProcess;
import dev.lifeline.localstack.simulator.PlatformSimulator;
import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import dev.lifeline.monitor.probe.ProbeDefinition;
import dev.lifeline.monitor.probe.ProbeExecutor;
import dev.lifeline.monitor.probe.ProbeKind;
import dev.lifeline.monitor.probe.ProbeRunner;
import dev.lifeline.monitor.probe.ProbeSchedule;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Not a test: measures detection and recovery latency (simulator switched → event consumed from
 * platform-outages.v1) with the real service jar, broker and database, false alarms of a flapping platform, and probe
 * throughput. Prints a table. Run it as the module README says.
 */
public final class MonitorBenchmark {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final int THRESHOLD = 3;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 2);
        Duration throughputWindow = Duration.ofSeconds(Integer.getInteger("bench.throughput-seconds", 30));
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-58s %s%n", "measure", "result"));

        try (PlatformSimulator simulator = PlatformSimulator.start(0)) {
            for (int probes : new int[] {1_000, 10_000}) {
                double rate = throughput(simulator, probes, throughputWindow);
                table.append(String.format(
                        "%-58s %.0f probes/s (%.0f/min; demand %d/s)%n",
                        "sustained probes, " + probes + " probes at 5 s interval",
                        rate,
                        rate * 60,
                        probes / INTERVAL.toSeconds()));
            }
            simulator.reset();
            latencies(simulator, rounds, table);
        }
        System.out.println();
        System.out.println(table);
        System.exit(0);
    }

    /** Probes completed per second over the window, after one interval of warm-up; the simulator shares the CPU. */
    private static double throughput(PlatformSimulator simulator, int count, Duration window) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorService blocking = Executors.newFixedThreadPool(4);
        Vertx vertx = Vertx.vertx();
        EgressGuard guard = new EgressGuard(List.of(), List.of("127.0.0.0/8"), new SystemResolver());
        ProbeExecutor executor = new ProbeExecutor(
                new GuardedHttpClient(vertx, guard, Duration.ofSeconds(3), 256),
                guard,
                blocking,
                Clock.systemUTC(),
                probe -> false);
        try (ProbeRunner runner = new ProbeRunner(new ProbeSchedule(Clock.systemUTC()), executor, 256, r -> {})) {
            for (int i = 0; i < count; i++) {
                runner.put(new ProbeDefinition(
                        "bench-" + i,
                        "bench-" + (i % 50),
                        ProbeKind.HTTP,
                        simulator.baseUrl() + "/platforms/bench-" + (i % 50) + "/health",
                        INTERVAL,
                        Duration.ofSeconds(3),
                        0,
                        Duration.ofSeconds(2),
                        null,
                        "/status",
                        "ok",
                        null));
            }
            runner.start();
            Thread.sleep(INTERVAL.toMillis());
            long before = runner.completed();
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            return (runner.completed() - before) / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
            vertx.close();
            blocking.shutdownNow();
        }
    }

    private static void latencies(PlatformSimulator simulator, int rounds, StringBuilder table) throws Exception {
        LocalStack stack = LocalStack.start(LocalStack.Ports.random());
        Map<String, String> config = new LinkedHashMap<>(stack.quarkusConfig("monitor"));
        config.put("lifeline.monitor.catalog-mode", "simulator");
        config.put("lifeline.monitor.simulator-url", simulator.baseUrl());
        config.put("lifeline.monitor.catalog-interval", INTERVAL.toSeconds() + "s");
        config.put("lifeline.monitor.catalog-timeout", "2s");
        config.put("lifeline.monitor.failure-threshold", Integer.toString(THRESHOLD));
        ServiceProcess service = ServiceProcess.start(
                "monitor-bench",
                Path.of("target/quarkus-app/quarkus-run.jar"),
                0,
                config,
                Path.of("target/bench/monitor.log"));
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer =
                new Thread(() -> consume(stack.kafka().bootstrapServers(), received, running), "bench-consumer");
        try {
            service.awaitReady(Duration.ofSeconds(120));
            consumer.start();
            String flapper = CatalogPlatforms.ETSY;
            List<String> platforms = new ArrayList<>(CatalogPlatforms.IDS);
            platforms.remove(flapper);
            Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
            Instant flapStart = simulator.set(flapper, Mode.FLAPPING, Duration.ofSeconds(30), Duration.ZERO);

            List<Long> detection = new ArrayList<>();
            List<Long> recovery = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, Instant> downAt = new ConcurrentHashMap<>();
                for (String p : platforms) {
                    downAt.put(p, simulator.set(p, Mode.FIVE_XX, Duration.ZERO, Duration.ZERO));
                    Thread.sleep(500);
                }
                for (String p : platforms) {
                    detection.add(awaitAfter(received, p, EventTypes.OUTAGE_STARTED, downAt.get(p)));
                }
                Map<String, Instant> upAt = new ConcurrentHashMap<>();
                for (String p : platforms) {
                    upAt.put(p, simulator.set(p, Mode.UP, Duration.ZERO, Duration.ZERO));
                    Thread.sleep(500);
                }
                for (String p : platforms) {
                    recovery.add(awaitAfter(received, p, EventTypes.OUTAGE_RESOLVED, upAt.get(p)));
                }
                System.out.printf("round %d of %d done%n", round + 1, rounds);
            }
            Instant flapEnd = simulator.set(flapper, Mode.UP, Duration.ZERO, Duration.ZERO);
            long flapStarted = received.stream()
                    .filter(r -> r.key.equals(flapper) && r.type.equals(EventTypes.OUTAGE_STARTED))
                    .count();
            long episodeSeconds = Duration.between(flapStart, flapEnd).toSeconds();

            table.append(String.format(
                    "%-58s %s%n", "detection latency (switch → outage.started consumed)", percentiles(detection)));
            table.append(String.format(
                    "%-58s %s%n", "recovery latency (switch → outage.resolved consumed)", percentiles(recovery)));
            table.append(String.format(
                    "%-58s %d outage.started in ~%d s of flapping (30 s period)%n",
                    "false alarms, flapping platform", flapStarted, episodeSeconds));
            table.append(String.format(
                    "%-58s %d ms (3 intervals + 1 s)%n",
                    "detection goal",
                    INTERVAL.multipliedBy(THRESHOLD).plusSeconds(1).toMillis()));
        } finally {
            running.set(false);
            consumer.join(5_000);
            service.stop();
            stack.stop();
        }
    }

    private record Received(String key, String type, Instant at) {}

    private static void consume(String bootstrap, List<Received> into, AtomicBoolean running) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PLATFORM_OUTAGES));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    var type = r.headers().lastHeader("ce_type");
                    into.add(new Received(
                            r.key(),
                            type == null ? "" : new String(type.value(), StandardCharsets.UTF_8),
                            Instant.now()));
                }
            }
        }
    }

    private static long awaitAfter(List<Received> received, String key, String type, Instant after)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (r.key.equals(key) && r.type.equals(type) && r.at.isAfter(after)) {
                    return Duration.between(after, r.at).toMillis();
                }
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private static String percentiles(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        long p50 = sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1);
        long p99 = sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
        long missed = sorted.stream().filter(v -> v < 0).count();
        return String.format(
                "p50 %d ms, p99 %d ms, max %d ms (n=%d%s)",
                p50, p99, sorted.get(sorted.size() - 1), sorted.size(), missed > 0 ? ", " + missed + " missed" : "");
    }
}
