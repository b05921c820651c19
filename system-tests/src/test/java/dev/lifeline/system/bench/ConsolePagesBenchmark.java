package dev.lifeline.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.localstack.ServiceProcess;
import dev.lifeline.system.ConsoleClient;
import dev.lifeline.system.RunningSystem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast the owner's console answers for a business with many contacts: every main page under wrk, beside the
 * same console's {@code /q/health/live} under the same load generator in the same run (the ceiling of this process on
 * this machine). Not a test: it prints a table (README's Performance section) and asserts nothing.
 *
 * <p>{@code ./mvnw -pl system-tests -am -Pbench verify} ({@code -Dbench.contacts}, {@code -Dbench.seconds},
 * {@code -Dbench.connections}).
 */
public final class ConsolePagesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER = "bench-owner@example.com";
    private static final String PASSWORD = "a long bench password";

    private ConsolePagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int contacts = Integer.getInteger("bench.contacts", 100_000);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int connections = Integer.getInteger("bench.connections", 4);
        String startLoad = WrkRun.loadAverage();
        Instant started = Instant.now();
        try (RunningSystem system = RunningSystem.start()) {
            ServiceProcess console = system.startConsole(Map.of(
                    "lifeline.console.demo.email", OWNER,
                    "lifeline.console.demo.password", PASSWORD,
                    "lifeline.console.demo.business-name", "Bench shop"));
            try {
                String base = "http://localhost:" + console.httpPort();
                ConsoleClient owner = ConsoleClient.signIn(base, OWNER, PASSWORD, Duration.ofMinutes(3));
                String key = owner.createApiKey();
                Duration load = importContacts(system.contacts().baseUrl(), key, contacts);
                String contactId = firstContact(system.contacts().baseUrl(), key);
                String campaignId = createCampaign(system.outreach().baseUrl(), key);

                Map<String, String> pages = new LinkedHashMap<>();
                // Health is on the management interface: the same process, its own port.
                pages.put("liveness (ceiling)", console.managementUrl() + "/q/health/live");
                pages.put("dashboard", base + "/dashboard");
                pages.put("contacts, first page", base + "/contacts");
                pages.put("contacts, search", base + "/contacts?q=customer-4242");
                pages.put("contact detail", base + "/contacts/" + contactId);
                pages.put("import", base + "/imports");
                pages.put("campaigns", base + "/campaigns");
                pages.put("campaign editor + preview", base + "/campaigns/" + campaignId);
                pages.put("outages and runs", base + "/outages");
                pages.put("settings", base + "/settings");
                List<String[]> rows = new ArrayList<>();
                WrkRun.Result ceiling = null;
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    int status = owner.status(page.getValue());
                    if (status != 200) {
                        throw new IllegalStateException(page.getKey() + " answered HTTP " + status + " before the run");
                    }
                    WrkRun.Result r = WrkRun.run(page.getValue(), owner.cookieHeader(), connections, seconds);
                    if (ceiling == null) {
                        ceiling = r;
                    }
                    rows.add(new String[] {
                        page.getKey(),
                        String.format("%,.0f", r.requestsPerSecond()),
                        String.format("%.1f ms", r.p50Millis()),
                        String.format("%.1f ms", r.p99Millis()),
                        r.p99Millis() <= 200 ? "yes" : "**no**",
                        String.format("%.1f%%", 100 * r.requestsPerSecond() / ceiling.requestsPerSecond()),
                        Long.toString(r.errors())
                    });
                }
                print(contacts, load, seconds, connections, startLoad, started, rows);
            } finally {
                console.stop();
            }
        }
    }

    private static void print(
            int contacts,
            Duration load,
            int seconds,
            int connections,
            String startLoad,
            Instant started,
            List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%nConsole pages, one business with %,d contacts (imported in %.1f s); wrk -t1 -c%d -d%ds per page; "
                        + "%d cores; load average %s at the start, %s at the end; %s%n%n",
                contacts,
                load.toMillis() / 1000.0,
                connections,
                seconds,
                Runtime.getRuntime().availableProcessors(),
                startLoad,
                WrkRun.loadAverage(),
                started));
        out.append("| page | req/s | p50 | p99 | p99 ≤ 200 ms | req/s vs liveness | non-2xx |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        System.out.println(out);
        try {
            Path file = Path.of("target", "console-pages-benchmark.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            System.out.println("(table not saved: " + e.getMessage() + ")");
        }
    }

    /** The contacts as one CSV through contact-service's import API, as a shop's export would arrive. */
    private static Duration importContacts(String contactUrl, String key, int n) throws Exception {
        StringBuilder csv = new StringBuilder("name,email,phone,tags,email_consent\n");
        for (int i = 0; i < n; i++) {
            csv.append("Customer ")
                    .append(i)
                    .append(",customer-")
                    .append(i)
                    .append("@example.com,+49151")
                    .append(String.format("%08d", i))
                    .append(",")
                    .append(i % 10 == 0 ? "vip" : "regular")
                    .append(",yes\n");
        }
        HttpClient http = HttpClient.newHttpClient();
        Instant start = Instant.now();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(contactUrl + "/api/v1/contacts/imports"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import refused: HTTP " + accepted.statusCode() + " " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        URI job = URI.create(contactUrl).resolve(location);
        Instant deadline = start.plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = JSON.readTree(http.send(
                            HttpRequest.newBuilder(job)
                                    .header("Authorization", "Bearer " + key)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if ("done".equals(state.path("state").asText())) {
                return Duration.between(start, Instant.now());
            }
            if ("failed".equals(state.path("state").asText())) {
                throw new IllegalStateException("import failed: " + state);
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("import not done in 20 minutes");
    }

    private static String firstContact(String contactUrl, String key) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(contactUrl + "/api/v1/contacts?limit=1&q=customer-4242"))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(page.body()).path("items").path(0).path("id").asText();
    }

    private static String createCampaign(String outreachUrl, String key) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "name", "Instagram fallback",
                "platformId", "instagram",
                "channel", "email",
                "subject", "Instagram is down, we are not",
                "textBody", "Hi {contact.firstName}, {outage.platform} is down. Order at https://shop.example."));
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(outreachUrl + "/api/v1/campaigns"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("campaign refused: HTTP " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).path("id").asText();
    }
}
