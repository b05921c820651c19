package dev.lifeline.outreach;

import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.tenant.ApiKeys;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.ServiceProcess;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built in {@code package}; this runs in failsafe's
 * {@code integration-test} phase) as real OS processes against a real broker, database and SMTP catcher: a consumer
 * rebalance in the middle of a run never sends anyone a second copy; a kill -9 loses nobody, and can send a second copy
 * only of a delivery the killed process had claimed (after its claim lease).
 */
class DeliveryRestartAndRebalanceIT {

    /** Far below the default PT2M, so the test does not wait minutes; still far above a send to the local catcher. */
    private static final String CLAIM_LEASE = "PT10S";

    private static LocalStack stack;
    private static KafkaCompanion kafka;
    private static Map<String, String> stackConfig;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<ServiceProcess> processes = new ArrayList<>();

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStack.Ports.random());
        kafka = new KafkaCompanion(stack.kafka().bootstrapServers());
        stackConfig = stack.quarkusConfig("outreach");
    }

    @AfterAll
    static void stopStack() {
        if (kafka != null) {
            kafka.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(ServiceProcess::stop);
        processes.clear();
    }

    @Test
    void aSecondInstanceJoiningTheGroupMidRunTakesOverPartitionsAndNobodyGetsTwoMails() throws Exception {
        // Slowed to 40 mails/s per instance so the run is still going when the second instance joins.
        Map<String, String> slow = Map.of("lifeline.limits.tenant-per-second", "40");
        ServiceProcess first = start("outreach-a", slow);
        first.awaitReady(Duration.ofSeconds(120));
        String tenant = "t-reb-" + TestBus.uid();
        String key = tenant(first, tenant);
        int n = 1200;
        insertContacts(tenant, n);
        String campaign = campaign(first, key, "custom-reb-" + TestBus.uid());
        String runId = trigger(first, key, campaign);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(runId, "sent") >= 40);
        assertThat(count(runId, "queued")).as("the run is still in flight when the second instance starts").isPositive();
        ServiceProcess second = start("outreach-b", slow);
        second.awaitReady(Duration.ofSeconds(120));
        int queuedAtJoin = count(runId, "queued");

        await().atMost(Duration.ofSeconds(120)).until(() -> count(runId, "queued") == 0 && count(runId, "sending") == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(tenant).size() >= n);

        System.out.printf("rebalance mid-run: %d of %d still queued when the second instance was ready; it sent %.0f%n",
                queuedAtJoin, n, sentBy(second));
        assertThat(queuedAtJoin).as("deliveries still queued when the second instance was ready").isPositive();
        assertThat(sentBy(second)).as("mails sent by the instance that joined mid-run (it got partitions)").isPositive();
        Map<String, Integer> perRecipient = perRecipient(tenant);
        Map<String, Integer> twice = new TreeMap<>();
        perRecipient.forEach((to, c) -> {
            if (c > 1) {
                twice.put(to, c);
            }
        });
        assertThat(twice).as("recipients that got more than one mail").isEmpty();
        assertThat(perRecipient).as("one mail to every consenting contact").hasSize(n);
        assertThat(count(runId, "sent")).isEqualTo(n);
    }

    @Test
    void aKillDashNineMidRunLosesNobodyAndDuplicatesOnlyDeliveriesThatWereInSendingAtTheKill() throws Exception {
        // A short claim lease, so that the restarted instance takes the killed one's claims back within seconds.
        Map<String, String> lease = Map.of("lifeline.delivery.claim-lease", CLAIM_LEASE);
        ServiceProcess first = start("outreach-k", lease);
        first.awaitReady(Duration.ofSeconds(120));
        String tenant = "t-kill-" + TestBus.uid();
        String key = tenant(first, tenant);
        int n = 2000;
        insertContacts(tenant, n);
        String campaign = campaign(first, key, "custom-kill-" + TestBus.uid());
        String runId = trigger(first, key, campaign);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> count(runId, "sent") >= 200);
        first.kill();
        int queuedAtKill = count(runId, "queued");
        Set<String> sendingAtKill = contactsIn(runId, "sending");
        Map<String, Integer> mailsAtKill = perRecipient(tenant);
        long acceptedAtKill = sendingAtKill.stream().filter(c -> mailsAtKill.containsKey(address(c))).count();
        assertThat(queuedAtKill).as("deliveries still queued when the service was killed (mid-run)").isPositive();

        ServiceProcess again = start("outreach-k2", lease);
        again.awaitReady(Duration.ofSeconds(120));
        // Done when every delivery is sent: jobs whose offsets were not committed are consumed again, outbox records
        // not yet published are published again, and once the lease is over the sweeper queues the killed instance's
        // claims again with fresh jobs.
        await().atMost(Duration.ofSeconds(180)).until(() -> count(runId, "sent") == n);
        await().atMost(Duration.ofSeconds(30)).until(() -> perRecipient(tenant).size() >= n);

        // A claim of the killed process is sent again after the lease. If the kill fell between "SMTP accepted" and
        // "outcome committed" (outcomes are committed in batches), its contact had the mail already and gets a
        // second one: a duplicate inside the claim lease. Anywhere else a second mail is a bug.
        Map<String, String> states = states(runId);
        Map<String, Integer> perRecipient = perRecipient(tenant);
        List<String> lost = new ArrayList<>();
        Map<String, Integer> insideLease = new TreeMap<>();
        Map<String, Integer> elsewhere = new TreeMap<>();
        for (String contact : states.keySet()) {
            int mails = perRecipient.getOrDefault(address(contact), 0);
            if (mails == 0) {
                lost.add(contact);
            } else if (mails > 1) {
                (sendingAtKill.contains(contact) ? insideLease : elsewhere).put(contact, mails);
            }
        }
        String report = String.format("kill at queued=%d sending=%d (%d of those already had their mail); after restart "
                + "and the %s claim lease: sent=%d, lost=%d, duplicates inside the claim lease=%d %s, duplicates "
                + "elsewhere=%d %s", queuedAtKill, sendingAtKill.size(), acceptedAtKill, CLAIM_LEASE,
                count(runId, "sent"), lost.size(), insideLease.size(), insideLease.keySet(), elsewhere.size(),
                elsewhere.keySet());
        System.out.println("restart mid-run: " + report);
        assertThat(lost).as("contacts without a mail — " + report).isEmpty();
        assertThat(elsewhere).as("second copies of deliveries that were not in sending at the kill — " + report).isEmpty();
        assertThat(insideLease.values()).as("one claim at the kill, one after the lease: two mails at most — " + report)
                .allMatch(c -> c == 2);
        assertThat(states).as(report).hasSize(n);
        assertThat(states.values()).as("every delivery is sent — " + report).allMatch(s -> s.equals("sent"));
        assertThat(perRecipient).as("mails only to the run's contacts — " + report).hasSize(n);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private ServiceProcess start(String name, Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(stackConfig);
        config.put("lifeline.link-signing-key", "it-link-signing-key-0123456789");
        config.put("lifeline.admin-key", "it-admin-key-0123456789");
        // One delivery consumer per instance, so a second instance takes partitions away from the first.
        config.put("mp.messaging.incoming.deliveries-in.partitions", "1");
        // Small batches and few senders, so that a run of a few thousand is not all claimed by the first instance in
        // its first second: the joining or restarted instance must find batches still waiting on the topic.
        config.put("lifeline.delivery.batch-size", "10");
        config.put("smallrye.messaging.worker.outreach-senders.max-concurrency", "4");
        // A killed member leaves the group after 6 s instead of 45 s, so the restarted one gets its partitions soon.
        config.put("kafka.session.timeout.ms", "6000");
        config.put("kafka.heartbeat.interval.ms", "1000");
        config.putAll(extra);
        ServiceProcess p = ServiceProcess.start(name, Path.of("target/quarkus-app/quarkus-run.jar"), 0, config,
                Path.of("target/it-logs/" + name + ".log"));
        processes.add(p);
        return p;
    }

    private static String tenant(ServiceProcess service, String tenantId) {
        String key = ApiKeys.generate();
        TestBus.send(kafka, Topics.TENANTS, new TenantUpserted(tenantId, tenantId, tenantId, "UTC",
                List.of(ApiKeys.hash(key)), 1, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> http(service, key, "GET", "/api/v1/campaigns", null).statusCode() == 200);
        return key;
    }

    private static String campaign(ServiceProcess service, String key, String platform) {
        String body = """
                {"name":"Fallback","platformId":"%s","channel":"email","subject":"We are still here",
                 "textBody":"Hi {contact.name}, {outage.platform} is down. Unsubscribe: {unsubscribeUrl}",
                 "gracePeriod":"PT0S"}""".formatted(platform);
        HttpResponse<String> r = http(service, key, "POST", "/api/v1/campaigns", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return id(r.body());
    }

    private static String trigger(ServiceProcess service, String key, String campaign) {
        HttpResponse<String> r = http(service, key, "POST", "/api/v1/campaigns/" + campaign + "/runs", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return id(r.body());
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> http(ServiceProcess service, String key, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Mails of {@code lifeline_outreach_messages_total{outcome="sent"}} as this process counted them. */
    private static double sentBy(ServiceProcess service) {
        HttpResponse<String> r = http(service, null, "GET", "/q/metrics", null);
        double total = 0;
        for (String line : r.body().split("\n")) {
            // the series itself, not its _created timestamp; "name{labels} value"
            if (line.startsWith("lifeline_outreach_messages_total{") && line.contains("outcome=\"sent\"")) {
                String[] parts = line.substring(line.indexOf('}') + 1).trim().split("\\s+");
                total += Double.parseDouble(parts[0]);
            }
        }
        return total;
    }

    private static String address(String contactId) {
        return contactId + "@example.com";
    }

    private static List<CapturedMail> mailsTo(String tenant) {
        String suffix = "-" + tenant + "@example.com";
        return stack.mail().messages().stream().filter(m -> m.to().stream().anyMatch(t -> t.endsWith(suffix))).toList();
    }

    private static Map<String, Integer> perRecipient(String tenant) {
        String suffix = "-" + tenant + "@example.com";
        Map<String, Integer> counts = new HashMap<>();
        for (CapturedMail m : stack.mail().messages()) {
            for (String to : m.to()) {
                if (to.endsWith(suffix)) {
                    counts.merge(to, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(stackConfig.get("quarkus.datasource.jdbc.url"),
                stackConfig.get("quarkus.datasource.username"), stackConfig.get("quarkus.datasource.password"));
    }

    /** Contacts straight into outreach's projection (how they got there is not what is tested). */
    private static void insertContacts(String tenant, int n) throws SQLException {
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

    private static int count(String runId, String state) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from delivery where run_id = ?::uuid and state = ?")) {
            ps.setString(1, runId);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Set<String> contactsIn(String runId, String state) throws SQLException {
        Set<String> contacts = new HashSet<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select contact_id from delivery where run_id = ?::uuid and state = ?")) {
            ps.setString(1, runId);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contacts.add(rs.getString(1));
                }
            }
        }
        return contacts;
    }

    private static Map<String, String> states(String runId) throws SQLException {
        Map<String, String> states = new HashMap<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select contact_id, state from delivery where run_id = ?::uuid")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return states;
    }
}
