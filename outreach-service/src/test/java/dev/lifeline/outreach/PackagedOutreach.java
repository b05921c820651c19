package dev.lifeline.outreach;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.tenant.ApiKeys;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.ServiceProcess;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service as OS processes against one local stack, for the *IT tests: start instances, a tenant with
 * contacts loaded straight into the projection, a campaign and its run, and what the database and the catcher say.
 */
final class PackagedOutreach implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final LocalStack stack;
    final KafkaCompanion kafka;
    private final Map<String, String> stackConfig;
    private final List<ServiceProcess> processes = new ArrayList<>();

    PackagedOutreach() {
        stack = LocalStack.start(LocalStack.Ports.random());
        kafka = new KafkaCompanion(stack.kafka().bootstrapServers());
        stackConfig = stack.quarkusConfig("outreach");
    }

    ServiceProcess start(String name, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(stackConfig);
        config.put("lifeline.link-signing-key", "it-link-signing-key-0123456789");
        config.put("lifeline.admin-key", "it-admin-key-0123456789");
        // These tests stop instances and start others in the same consumer groups. An instance whose leaving timed out
        // on a loaded machine would otherwise hold its partitions for the default 45 s session, and the next instance
        // would not read tenants.v1 in time.
        config.put("kafka.session.timeout.ms", "6000");
        config.put("kafka.heartbeat.interval.ms", "1000");
        config.putAll(extra);
        ServiceProcess p = ServiceProcess.start(
                name,
                Path.of("target/quarkus-app/quarkus-run.jar"),
                0,
                config,
                Path.of("target/it-logs/" + name + ".log"));
        processes.add(p);
        p.awaitReady(Duration.ofSeconds(120));
        return p;
    }

    String tenant(ServiceProcess service, String tenantId) {
        String key = ApiKeys.generate();
        TestBus.send(
                kafka,
                Topics.TENANTS,
                new TenantUpserted(tenantId, tenantId, tenantId, "UTC", List.of(ApiKeys.hash(key)), 1, Instant.now()));
        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        http(service, key, "GET", "/api/v1/campaigns", null).statusCode() == 200);
        return key;
    }

    String campaign(ServiceProcess service, String key, String platform) {
        String body = """
                {"name":"Fallback","platformId":"%s","channel":"email","subject":"We are still here",
                 "textBody":"Hi {contact.name}, {outage.platform} is down. Unsubscribe: {unsubscribeUrl}",
                 "gracePeriod":"PT0S"}""".formatted(platform);
        HttpResponse<String> r = http(service, key, "POST", "/api/v1/campaigns", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id(r.body());
    }

    String trigger(ServiceProcess service, String key, String campaign) {
        HttpResponse<String> r = http(service, key, "POST", "/api/v1/campaigns/" + campaign + "/runs", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return id(r.body());
    }

    /** The status of a health check ({@code live}, {@code ready}) on the management port; -1 for no answer. */
    static int health(ServiceProcess service, String check) {
        try {
            return http(service.managementUrl() + "/q/health/" + check, null, "GET", null)
                    .statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Mails of {@code lifeline_outreach_messages_total{outcome="sent"}} as this process counted them. */
    static double sentBy(ServiceProcess service) {
        double total = 0;
        for (String line : http(service.managementUrl() + "/q/metrics", null, "GET", null)
                .body()
                .split("\n")) {
            // the series itself, not its _created timestamp; "name{labels} value"
            if (line.startsWith("lifeline_outreach_messages_total{") && line.contains("outcome=\"sent\"")) {
                total += Double.parseDouble(
                        line.substring(line.indexOf('}') + 1).trim().split("\\s+")[0]);
            }
        }
        return total;
    }

    static String address(String contactId) {
        return contactId + "@example.com";
    }

    List<CapturedMail> mailsTo(String tenant) {
        String suffix = "-" + tenant + "@example.com";
        return stack.mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(t -> t.endsWith(suffix)))
                .toList();
    }

    /** Mails per recipient address of the tenant's contacts, as the catcher got them. */
    Map<String, Integer> perRecipient(String tenant) {
        String suffix = "-" + tenant + "@example.com";
        Map<String, Integer> counts = new HashMap<>();
        for (CapturedMail m : mailsTo(tenant)) {
            m.to().stream().filter(to -> to.endsWith(suffix)).forEach(to -> counts.merge(to, 1, Integer::sum));
        }
        return counts;
    }

    /** Contacts straight into outreach's projection (how they got there is not what is tested). */
    void insertContacts(String tenant, int n) throws SQLException {
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into outreach_contact (tenant_id, contact_id, version, name, email, locale, time_zone,
                        channel_order, email_consent, updated_at)
                    values (?, ?, 1, ?, ?, 'en', 'UTC', '{email}', 'confirmed', now())""")) {
                for (int i = 0; i < n; i++) {
                    String id = "c" + i + "-" + tenant;
                    ps.setString(1, tenant);
                    ps.setString(2, id);
                    ps.setString(3, "Customer " + i);
                    ps.setString(4, address(id));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    int count(String runId, String state) throws SQLException {
        try (Connection c = db();
                PreparedStatement ps =
                        c.prepareStatement("select count(*) from delivery where run_id = ?::uuid and state = ?")) {
            ps.setString(1, runId);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    Set<String> contactsIn(String runId, String state) throws SQLException {
        return new HashSet<>(states(runId, state).keySet());
    }

    /** Every delivery's state of the run, by contact. */
    Map<String, String> states(String runId) throws SQLException {
        return states(runId, null);
    }

    private Map<String, String> states(String runId, String onlyState) throws SQLException {
        Map<String, String> states = new HashMap<>();
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement(
                        "select contact_id, state from delivery where run_id = ?::uuid and (?::text is null or state = ?)")) {
            ps.setString(1, runId);
            ps.setString(2, onlyState);
            ps.setString(3, onlyState);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return states;
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(
                stackConfig.get("quarkus.datasource.jdbc.url"),
                stackConfig.get("quarkus.datasource.username"),
                stackConfig.get("quarkus.datasource.password"));
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> http(
            ServiceProcess service, String key, String method, String path, String body) {
        return http(service.baseUrl() + path, key, method, body);
    }

    private static HttpResponse<String> http(String url, String key, String method, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stopProcesses() {
        processes.forEach(ServiceProcess::stop);
        processes.clear();
    }

    @Override
    public void close() {
        stopProcesses();
        kafka.close();
        stack.stop();
    }
}
