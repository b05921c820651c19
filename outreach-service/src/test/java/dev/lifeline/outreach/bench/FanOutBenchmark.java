package dev.lifeline.outreach.bench;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.tenant.ApiKeys;
import dev.lifeline.localstack.FreePort;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outage → e-mail fan-out against a real broker and database, the packaged service as its own process, and a
 * discarding SMTP sink whose raw acceptance rate is measured in the same run. Prints a table. Not a test.
 *
 * <pre>./mvnw -o -pl outreach-service -Pbench verify</pre>  (sizes: -Dbench.sizes=10000,100000, -Dbench.samples=20)
 */
public final class FanOutBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        String[] sizes = System.getProperty("bench.sizes", "10000,100000").split(",");
        int samples = Integer.getInteger("bench.samples", 20);
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"));
        List<String[]> rows = new ArrayList<>();

        LocalStack stack = LocalStack.start(LocalStack.Ports.random());
        SmtpSink sink = new SmtpSink();
        System.out.println("stack up: " + stack);

        double raw = RawSmtpClient.measure(sink.port(), 16, 40_000);
        rows.add(new String[] {"raw SMTP sink acceptance (16 conns, 40,000 msgs)", String.format("%,.0f msg/s", raw)});

        Map<String, String> config = stack.quarkusConfig("outreach");
        int httpPort = FreePort.pick();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxDirectMemorySize=64m", "-Xss512k", "-Dio.netty.allocator.numDirectArenas=1",
                "-Dio.netty.allocator.numHeapArenas=1"));
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Dquarkus.mailer.port=" + sink.port());
        cmd.add("-Dquarkus.http.port=" + httpPort);
        cmd.add("-Dquarkus.log.level=WARN");
        cmd.add("-Dlifeline.link-signing-key=benchmark-link-signing-key");
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        Path log = Files.createTempFile("outreach-bench", ".log");
        ProcessBuilder launch = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc's per-thread malloc arenas (up to 8 per core) are most of the RSS a JVM has beyond its heap.
        launch.environment().put("MALLOC_ARENA_MAX", "2");
        Process service = launch.start();
        String loadBefore = loadAverage();
        Runtime.getRuntime().addShutdownHook(new Thread(service::destroyForcibly));
        AtomicLong peakRss = new AtomicLong();
        Thread rss = new Thread(() -> {
            while (service.isAlive()) {
                peakRss.accumulateAndGet(rssKb(service.pid()), Math::max);
                sleep(200);
            }
        });
        rss.setDaemon(true);
        rss.start();
        String base = "http://127.0.0.1:" + httpPort;
        awaitReady(base, service, log);
        System.out.println("service up on " + base + " (log " + log + ")");

        KafkaCompanion kafka = new KafkaCompanion(stack.kafka().bootstrapServers());
        String jdbc = config.get("quarkus.datasource.jdbc.url");

        // Latency: one contact per platform, so the one-message-per-incident rule never hides a sample.
        String latKey = tenant(kafka, base, "bench-lat");
        insertContacts(jdbc, config, "bench-lat", "lat", 1);
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String platform = "custom-lat" + i;
            campaign(base, latKey, platform);
            long before = sink.accepted.get();
            long t0 = System.nanoTime();
            TestBus.send(kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("lat-" + i + "-" + System.nanoTime(), platform));
            while (sink.accepted.get() < before + 1) {
                if (System.nanoTime() - t0 > 60_000_000_000L) {
                    throw new IllegalStateException("latency sample " + i + " timed out");
                }
                Thread.sleep(1);
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(latencies);
        rows.add(new String[] {"outage event → first message accepted, p50 (" + samples + " outages)",
                String.format("%.0f ms", pct(latencies, 50))});
        rows.add(new String[] {"outage event → first message accepted, p99", String.format("%.0f ms", pct(latencies, 99))});

        for (String s : sizes) {
            int n = Integer.parseInt(s.trim());
            String tenantId = "bench-" + n;
            String key = tenant(kafka, base, tenantId);
            long loadStart = System.nanoTime();
            insertContacts(jdbc, config, tenantId, "c" + n, n);
            System.out.printf("loaded %,d contacts in %.1f s%n", n, (System.nanoTime() - loadStart) / 1e9);
            String platform = "custom-big" + n;
            campaign(base, key, platform);
            long before = sink.accepted.get();
            double cpu0 = cpuSeconds(service.pid());
            double total0 = totalCpuSeconds();
            long t0 = System.nanoTime();
            TestBus.send(kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("big-" + n + "-" + System.nanoTime(), platform));
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
            rows.add(new String[] {String.format("%,d e-mails: CPU used by outreach-service / whole machine", n),
                    String.format("%.1f s / %.1f s (of %.1f s available)", cpu, total, seconds * Runtime.getRuntime().availableProcessors())});
            double rate = n / seconds;
            rows.add(new String[] {String.format("%,d e-mails: outage event → first accepted", n),
                    String.format("%.2f s", (first - t0) / 1e9)});
            rows.add(new String[] {String.format("%,d e-mails: outage event → all accepted", n),
                    String.format("%.1f s  (%,.0f msg/s, %.0f%% of raw)", seconds, rate, 100 * rate / raw)});
        }
        rows.add(new String[] {"outreach-service peak RSS (-Xmx128m, SerialGC, MALLOC_ARENA_MAX=2, see FanOutBenchmark)", String.format("%,d MB", peakRss.get() / 1024)});
        rows.add(new String[] {"cores", Integer.toString(Runtime.getRuntime().availableProcessors())});
        rows.add(new String[] {"load average (1/5/15 min) at start / end", loadBefore + " / " + loadAverage()});

        service.destroy();
        service.waitFor();
        sink.close();
        stack.stop();
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.println();
        System.out.println(String.format("%-" + w + "s | %s", "measure", "result"));
        System.out.println("-".repeat(w) + "-+-" + "-".repeat(40));
        rows.forEach(r -> System.out.println(String.format("%-" + w + "s | %s", r[0], r[1])));
        System.exit(0);
    }

    private static double pct(List<Double> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static String tenant(KafkaCompanion kafka, String base, String tenantId) throws Exception {
        String key = ApiKeys.generate();
        TestBus.send(kafka, Topics.TENANTS, new TenantUpserted(tenantId, tenantId, tenantId, "UTC",
                List.of(ApiKeys.hash(key)), 1, java.time.Instant.now()));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return key;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("tenant key not accepted");
    }

    private static void campaign(String base, String key, String platform) throws Exception {
        String body = """
                {"name":"Fallback","platformId":"%s","channel":"email","subject":"We are still here for you",
                 "textBody":"Hi {contact.name}, {outage.platform} is down. Order at https://shop.example or call us.",
                 "htmlBody":"<p>Hi {contact.name}, {outage.platform} is down. <a href=\\"https://shop.example\\">Order here</a>.</p>",
                 "gracePeriod":"PT0S"}""".formatted(platform);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("campaign: " + r.statusCode() + " " + r.body());
        }
    }

    /** Contacts straight into outreach's projection: loading them is not what is measured. */
    private static void insertContacts(String jdbc, Map<String, String> config, String tenantId, String prefix, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"))) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into outreach_contact (tenant_id, contact_id, version, name, email, locale, time_zone,
                        channel_order, email_consent, updated_at)
                    values (?, ?, 1, ?, ?, 'en', 'UTC', '{email}', 'confirmed', now())""")) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, tenantId);
                    ps.setString(2, prefix + "-" + i);
                    ps.setString(3, "Customer " + i);
                    ps.setString(4, prefix + "-" + i + "@example.com");
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static void awaitReady(String base, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("service exited; see " + log + "\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException ignored) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not ready; see " + log);
    }

    /** utime + stime of a process, in seconds (clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Busy CPU time of the whole machine (all processes), in seconds. */
    private static double totalCpuSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(new File("/proc/" + pid + "/status").toPath())) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception ignored) {
            // process gone
        }
        return 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
