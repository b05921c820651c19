package dev.lifeline.outreach.bench;

import dev.lifeline.events.Topics;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.lifeline.outreach.bench.BenchSupport.cpuSeconds;
import static dev.lifeline.outreach.bench.BenchSupport.loadAverage;
import static dev.lifeline.outreach.bench.BenchSupport.pct;
import static dev.lifeline.outreach.bench.BenchSupport.totalCpuSeconds;

/**
 * Outage → e-mail fan-out against a real broker and database, the packaged service as its own process, and a
 * discarding SMTP sink whose raw acceptance rate is measured in the same run. Prints a table. Not a test.
 *
 * <pre>./mvnw -pl outreach-service -am -Pbench verify</pre>  (sizes: -Dbench.sizes=10000,100000, -Dbench.samples=20;
 * {@code -Dbench.scenario=storm} runs {@link StormBenchmark} instead)
 */
public final class FanOutBenchmark {

    public static void main(String[] args) {
        try {
            if ("storm".equals(System.getProperty("bench.scenario"))) {
                StormBenchmark.run();
            } else {
                run();
            }
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        String[] sizes = System.getProperty("bench.sizes", "10000,100000").split(",");
        int samples = Integer.getInteger("bench.samples", 20);
        List<String[]> rows = new ArrayList<>();

        LocalStack stack = LocalStack.start(LocalStack.Ports.random());
        SmtpSink sink = new SmtpSink();
        System.out.println("stack up: " + stack);

        double raw = RawSmtpClient.measure(sink.port(), 16, 40_000);
        rows.add(new String[] {"raw SMTP sink acceptance (16 conns, 40,000 msgs)", String.format("%,.0f msg/s", raw)});

        Map<String, String> config = stack.quarkusConfig("outreach");
        String loadBefore = loadAverage();
        BenchSupport.Service service = BenchSupport.launch("outreach", config, sink.port(), BenchSupport.UNLIMITED);
        String base = service.base;

        KafkaCompanion kafka = new KafkaCompanion(stack.kafka().bootstrapServers());
        String jdbc = config.get("quarkus.datasource.jdbc.url");

        // Latency: one contact per platform, so the one-message-per-incident rule never hides a sample.
        String latKey = BenchSupport.tenant(kafka, "bench-lat");
        BenchSupport.awaitKey(base, latKey);
        BenchSupport.insertContacts(jdbc, config, "bench-lat", "lat", 1);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String platform = "custom-lat" + i;
            BenchSupport.campaign(base, latKey, platform);
            long before = sink.accepted.get();
            long t0 = System.nanoTime();
            TestBus.send(
                    kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("lat-" + i + "-" + System.nanoTime(), platform));
            while (sink.accepted.get() < before + 1) {
                if (System.nanoTime() - t0 > 60_000_000_000L) {
                    throw new IllegalStateException("latency sample " + i + " timed out");
                }
                Thread.sleep(1);
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(latencies);
        rows.add(new String[] {
            "outage event → first message accepted, p50 (" + samples + " outages)",
            String.format("%.0f ms", pct(latencies, 50))
        });
        rows.add(
                new String[] {"outage event → first message accepted, p99", String.format("%.0f ms", pct(latencies, 99))
                });

        for (String s : sizes) {
            int n = Integer.parseInt(s.trim());
            String tenantId = "bench-" + n;
            String key = BenchSupport.tenant(kafka, tenantId);
            BenchSupport.awaitKey(base, key);
            long loadStart = System.nanoTime();
            BenchSupport.insertContacts(jdbc, config, tenantId, "c" + n, n);
            System.out.printf("loaded %,d contacts in %.1f s%n", n, (System.nanoTime() - loadStart) / 1e9);
            String platform = "custom-big" + n;
            BenchSupport.campaign(base, key, platform);
            long before = sink.accepted.get();
            double cpu0 = cpuSeconds(service.pid());
            double total0 = totalCpuSeconds();
            long t0 = System.nanoTime();
            TestBus.send(
                    kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("big-" + n + "-" + System.nanoTime(), platform));
            long first = 0;
            long lastProgress = System.nanoTime();
            long lastCount = before;
            while (sink.accepted.get() < before + n) {
                long c = sink.accepted.get();
                if (first == 0 && c > before) {
                    first = System.nanoTime();
                }
                if (c != lastCount) {
                    lastCount = c;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > 120_000_000_000L) {
                    throw new IllegalStateException("no progress for 120 s at " + (c - before) + "/" + n);
                }
                Thread.sleep(5);
            }
            double seconds = (sink.lastAcceptNanos.get() - t0) / 1e9;
            double cpu = cpuSeconds(service.pid()) - cpu0;
            double total = totalCpuSeconds() - total0;
            rows.add(new String[] {
                String.format("%,d e-mails: CPU used by outreach-service / whole machine", n),
                String.format(
                        "%.1f s / %.1f s (of %.1f s available)",
                        cpu, total, seconds * Runtime.getRuntime().availableProcessors())
            });
            double rate = n / seconds;
            rows.add(new String[] {
                String.format("%,d e-mails: outage event → first accepted", n),
                String.format("%.2f s", (first - t0) / 1e9)
            });
            rows.add(new String[] {
                String.format("%,d e-mails: outage event → all accepted", n),
                String.format("%.1f s  (%,.0f msg/s, %.0f%% of raw)", seconds, rate, 100 * rate / raw)
            });
        }
        rows.add(new String[] {
            "outreach-service peak RSS (-Xmx128m, SerialGC, MALLOC_ARENA_MAX=2, see BenchSupport)",
            String.format("%,d MB", service.peakRssKb.get() / 1024)
        });
        rows.add(new String[] {"cores", Integer.toString(Runtime.getRuntime().availableProcessors())});
        rows.add(new String[] {"load average (1/5/15 min) at start / end", loadBefore + " / " + loadAverage()});
        if (Boolean.getBoolean("bench.nmt")) {
            System.out.println(BenchSupport.nativeMemory(service.pid()));
        }

        service.stop();
        sink.close();
        stack.stop();
        BenchSupport.printTable(rows);
    }
}
