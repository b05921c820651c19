package dev.lifeline.outreach.bench;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.tenant.ApiKeys;
import dev.lifeline.localstack.FreePort;
import dev.lifeline.outreach.TestBus;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the benchmarks share: the service as its own JVM, tenants, campaigns, contacts, process measurements. */
final class BenchSupport {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Send limits of the benchmark runs: far above what the machine can send, so they measure the pipeline. */
    static final Map<String, String> UNLIMITED =
            Map.of("lifeline.limits.tenant-per-second", "100000", "lifeline.limits.email-per-second", "100000");

    private BenchSupport() {}

    /** One outreach-service JVM with the production flags documented in the README, and its peak RSS. */
    static final class Service {
        final Process process;
        final String base;
        final String management;
        final Path log;
        final AtomicLong peakRssKb = new AtomicLong();

        Service(Process process, String base, String management, Path log) {
            this.process = process;
            this.base = base;
            this.management = management;
            this.log = log;
            Thread rss = new Thread(() -> {
                while (process.isAlive()) {
                    peakRssKb.accumulateAndGet(rssKb(process.pid()), Math::max);
                    sleep(200);
                }
            });
            rss.setDaemon(true);
            rss.start();
        }

        long pid() {
            return process.pid();
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    static List<String> jvmFlags() {
        return List.of(
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxDirectMemorySize=64m",
                "-Xss512k",
                "-Dio.netty.allocator.numDirectArenas=1",
                "-Dio.netty.allocator.numHeapArenas=1");
    }

    static Service launch(String name, Map<String, String> config, int smtpPort, Map<String, String> extra)
            throws Exception {
        int httpPort = FreePort.pick();
        int managementPort = FreePort.pick();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags());
        if (Boolean.getBoolean("bench.nmt")) {
            cmd.add("-XX:NativeMemoryTracking=summary");
        }
        // Extra JVM options for the service, say a flight recording: -Dbench.jvm-args="-XX:StartFlightRecording=..."
        String jvmArgs = System.getProperty("bench.jvm-args", "").trim();
        if (!jvmArgs.isEmpty()) {
            cmd.addAll(List.of(jvmArgs.split("\\s+")));
        }
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        extra.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Dquarkus.mailer.port=" + smtpPort);
        cmd.add("-Dquarkus.http.port=" + httpPort);
        cmd.add("-Dquarkus.management.port=" + managementPort);
        cmd.add("-Dquarkus.log.level=WARN");
        cmd.add("-Dlifeline.link-signing-key=benchmark-link-signing-key");
        cmd.add("-jar");
        cmd.add(Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath()
                .toString());
        Path log = Files.createTempFile("outreach-bench-" + name, ".log");
        ProcessBuilder launch =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc's per-thread malloc arenas (up to 8 per core) are a large part of the RSS a JVM has beyond its heap.
        launch.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = launch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Service service =
                new Service(process, "http://127.0.0.1:" + httpPort, "http://127.0.0.1:" + managementPort, log);
        awaitReady(service);
        System.out.println(name + " up on " + service.base + " (log " + log + ")");
        return service;
    }

    static String tenant(KafkaCompanion kafka, String tenantId) {
        String key = ApiKeys.generate();
        TestBus.send(
                kafka,
                Topics.TENANTS,
                new TenantUpserted(tenantId, tenantId, tenantId, "UTC", List.of(ApiKeys.hash(key)), 1, Instant.now()));
        return key;
    }

    static void awaitKey(String base, String key) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns"))
                            .header("Authorization", "Bearer " + key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("tenant key not accepted");
    }

    static void campaign(String base, String key, String platform) throws Exception {
        String body = """
                {"name":"Fallback","platformId":"%s","channel":"email","subject":"We are still here for you",
                 "textBody":"Hi {contact.name}, {outage.platform} is down. Order at https://shop.example or call us.",
                 "htmlBody":"<p>Hi {contact.name}, {outage.platform} is down. <a href=\\"https://shop.example\\">Order here</a>.</p>",
                 "gracePeriod":"PT0S"}""".formatted(platform);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("campaign: " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Contacts straight into outreach's projection: loading them is not what is measured. Addresses are
     * {@code <prefix>-<i>@example.com}, so the sink can tell businesses apart by the recipient.
     */
    static void insertContacts(String jdbc, Map<String, String> config, String tenantId, String prefix, int n)
            throws Exception {
        try (Connection c = DriverManager.getConnection(
                jdbc, config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
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

    static void awaitReady(Service s) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!s.process.isAlive()) {
                throw new IllegalStateException("service exited; see " + s.log + "\n" + Files.readString(s.log));
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(s.management + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not ready; see " + s.log);
    }

    /** The JVM's native memory summary (with -Dbench.nmt=true), for the README's memory findings. */
    static String nativeMemory(long pid) {
        try {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "VM.native_memory",
                            "summary")
                    .redirectErrorStream(true)
                    .start();
            return new String(p.getInputStream().readAllBytes());
        } catch (Exception e) {
            return "jcmd failed: " + e;
        }
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** utime + stime of a process, in seconds (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Busy CPU time of the whole machine (all processes), in seconds. */
    static double totalCpuSeconds() {
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

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static long rssKb(long pid) {
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

    static void printTable(List<String[]> rows) {
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        System.out.println();
        System.out.println(String.format("%-" + w + "s | %s", "measure", "result"));
        System.out.println("-".repeat(w) + "-+-" + "-".repeat(40));
        rows.forEach(r -> System.out.println(String.format("%-" + w + "s | %s", r[0], r[1])));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
