import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * contact-service benchmark against a running service (not a test). Prints a table:
 * contact creation throughput and p50/p99 latency over HTTP at a fixed concurrency, and CSV import rows/s for
 * 100,000 rows with the service's peak heap (sampled from /q/metrics).
 *
 *   java contact-service/bench/Bench.java [baseUrl] [adminKey] [creates] [concurrency] [importRows] [managementUrl]
 *
 * managementUrl (health and metrics) defaults to baseUrl's port plus 1000, as the local run starts services.
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String portPlus1000(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 1000);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8081";
        String adminKey = args.length > 1 ? args[1] : "local-admin-key";
        int creates = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int importRows = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        String management = args.length > 5 ? args[5] : portPlus1000(base);

        String apiKey = newTenant(base, adminKey);
        // The ceiling of this machine right now: the same client and concurrency against a trivial endpoint.
        long[] ceilingLat = new long[Math.min(20_000, creates)];
        long c0 = System.nanoTime();
        runGets(management + "/q/health/live", ceilingLat.length, concurrency, ceilingLat);
        double ceiling = ceilingLat.length == 0 ? 0 : ceilingLat.length / ((System.nanoTime() - c0) / 1e9);
        System.out.printf("warming up (%d creates)...%n", Math.min(5_000, creates / 5));
        runCreates(base, apiKey, Math.min(5_000, creates / 5), concurrency, "warm");
        long[] lat = new long[creates];
        long t0 = System.nanoTime();
        int errors = runCreates(base, apiKey, creates, concurrency, "run", lat);
        double secs = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(lat);

        String importTenant = newTenantBody(base, adminKey);
        String importKey = field(importTenant, "apiKey");
        Path csv = Files.createTempFile("bench-import-", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("name,email,phone,tags,email_consent\n");
            for (int i = 0; i < importRows; i++) {
                w.write("Person " + i + ",person" + i + "@bench.example,+4915" + String.format("%09d", 100_000_000 + i) + ",bench;import,yes\n");
            }
        }
        HeapSampler heap = new HeapSampler(management);
        heap.start();
        long i0 = System.nanoTime();
        long uploadStart = System.currentTimeMillis();
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts/imports"))
                .header("Authorization", "Bearer " + importKey).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (upload.statusCode() != 202) {
            throw new IllegalStateException("import upload answered " + upload.statusCode() + ": " + upload.body());
        }
        String jobId = field(upload.body(), "id");
        String job;
        do {
            Thread.sleep(200);
            job = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts/imports/" + jobId))
                    .header("Authorization", "Bearer " + importKey).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } while (!job.contains("\"state\":\"done\"") && !job.contains("\"state\":\"failed\""));
        double importSecs = (System.nanoTime() - i0) / 1e9;
        // For bench.sh, which then waits until outreach-service can reach every imported contact.
        String reachFile = System.getenv("LIFELINE_BENCH_REACH_FILE");
        if (reachFile != null) {
            Files.writeString(Path.of(reachFile), field(importTenant, "id") + " " + uploadStart + " " + importRows + "\n");
        }
        heap.stopSampling();
        Files.deleteIfExists(csv);

        System.out.println();
        System.out.println("| measurement                         | value            |");
        System.out.println("|-------------------------------------|------------------|");
        System.out.printf("| creates (POST /api/v1/contacts)     | %,d at %d conc. |%n", creates, concurrency);
        System.out.printf("| ceiling: GET /q/health/live (mgmt)  | %,.0f /s        |%n", ceiling);
        System.out.printf("| create throughput                   | %,.0f /s        |%n", creates / secs);
        if (creates > 0) {
            System.out.printf("| create latency p50                  | %.1f ms          |%n", lat[lat.length / 2] / 1e6);
            System.out.printf("| create latency p99                  | %.1f ms          |%n", lat[(int) (lat.length * 0.99)] / 1e6);
        }
        System.out.printf("| create errors (non-2xx)             | %d               |%n", errors);
        System.out.printf("| CSV import rows                     | %,d          |%n", importRows);
        System.out.printf("| CSV import (upload to done)         | %.1f s           |%n", importSecs);
        System.out.printf("| CSV import throughput               | %,.0f rows/s    |%n", importRows / importSecs);
        System.out.printf("| service peak heap during import     | %,d MiB          |%n", heap.peak / (1024 * 1024));
        System.out.printf("| import job                          | %s |%n", job.replaceAll(",\"errors\":\\[.*", "").replaceAll("\\s+", ""));
    }

    static void runGets(String url, int n, int concurrency, long[] lat) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long s = System.nanoTime();
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    lat[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
    }

    static int runCreates(String base, String apiKey, int n, int concurrency, String tag) throws Exception {
        return runCreates(base, apiKey, n, concurrency, tag, new long[n]);
    }

    static int runCreates(String base, String apiKey, int n, int concurrency, String tag, long[] lat) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    String body = "{\"name\":\"Bench " + i + "\",\"email\":\"" + tag + run + "-" + i + "@bench.example\","
                            + "\"consents\":{\"email\":true},\"tags\":[\"bench\"]}";
                    long s = System.nanoTime();
                    try {
                        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts"))
                                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    lat[i] = System.nanoTime() - s;
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return errors.get();
    }

    static String newTenant(String base, String adminKey) throws IOException, InterruptedException {
        return field(newTenantResponse(base, adminKey).body(), "apiKey");
    }

    static HttpResponse<String> newTenantResponse(String base, String adminKey) throws IOException, InterruptedException {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/tenants"))
                .header("X-Admin-Key", adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"slug\":\"" + slug
                        + "\",\"defaultRegion\":\"DE\",\"timeZone\":\"Europe/Berlin\",\"optInMode\":\"single\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("tenant create answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static String newTenantBody(String base, String adminKey) throws Exception {
        return newTenantResponse(base, adminKey).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Samples the service's heap use (sum of heap pools) from its Prometheus endpoint. */
    static final class HeapSampler extends Thread {
        private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)");
        private final String base;
        volatile boolean running = true;
        volatile long peak;

        HeapSampler(String base) {
            this.base = base;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    String text = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = HEAP.matcher(text);
                    long sum = 0;
                    while (m.find()) {
                        sum += (long) Double.parseDouble(m.group(1));
                    }
                    peak = Math.max(peak, sum);
                    Thread.sleep(250);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
