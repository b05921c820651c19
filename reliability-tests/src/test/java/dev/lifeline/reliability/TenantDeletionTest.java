package dev.lifeline.reliability;

import dev.lifeline.system.Http;
import dev.lifeline.system.MailClient;
import dev.lifeline.system.OutreachSender;
import dev.lifeline.system.RunningSystem;
import dev.lifeline.system.ServiceTables;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business that has been through what a real one goes through (imported contacts, a platform of its own with a
 * probe and a dependency, a campaign, an outage that mailed its contacts, an unsubscribe) deletes itself with its own
 * key, on the system every fault before has run on. Afterwards no service holds a row of it in its own database and
 * no service answers its key. It counts as a verified deletion only when every check holds.
 */
@Order(6)
class TenantDeletionTest {

    private static final int CONTACTS = 20;
    private static final Duration WAIT = Duration.ofMinutes(3);
    /** Erasure in monitor and outreach follows tenants.v1; probe results that were in flight are swept after ~65 s. */
    private static final Duration ERASURE = Duration.ofSeconds(150);

    private final RunningSystem system = SharedSystem.get();

    @Test
    void aDeletedBusinessLeavesNothingInAnyServiceAndItsKeyOpensNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Business shop = Business.signUp(system, "deleted-" + suffix);
        IssuedSecrets.add(shop.apiKey);
        shop.importContacts(CONTACTS);
        String platform = "custom-deleted-" + suffix;
        ownPlatform(shop, platform);
        String campaign = shop.emailCampaign(platform);
        shop.awaitOutreachAudience(campaign, CONTACTS, WAIT);
        OutreachSender.setUp(system.outreach().baseUrl(), shop.auth(), "deleted-" + suffix + ".example");
        Business.declareOutage(system, platform);
        Inbox.Tally mailed = Inbox.await(system, shop, shop.emails(CONTACTS), WAIT);
        assertThat(mailed.missing())
                .as("the outage mailed every contact: " + mailed)
                .isEmpty();
        String runId = shop.runs(campaign).get(0).path("id").asText();
        MailClient.unsubscribeOneClick(system, shop.email(1));

        // Rows in every table that holds a business's data (the suppression and probe results come a little later).
        Map<String, Long> before = Business.until(
                WAIT,
                () -> ServiceTables.count(system, shop.tenantId, platform),
                counts -> counts.values().stream().allMatch(rows -> rows > 0));
        assertThat(before)
                .as("the business's rows before its deletion")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(outages(platform))
                .as("the outage of its platform, in monitor's database")
                .isPositive();

        Instant deleting = Instant.now();
        Http.Reply deleted = Http.send(
                "DELETE",
                shop.contacts("/api/v1/tenant"),
                shop.auth(),
                "application/json",
                "{\"confirm\":\"" + shop.slug + "\"}");
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(202);

        Map<String, Long> after = Business.until(
                ERASURE,
                () -> ServiceTables.count(system, shop.tenantId, platform),
                counts -> counts.values().stream().allMatch(rows -> rows == 0));
        Duration erasedIn = Duration.between(deleting, Instant.now());
        List<String> left = new ArrayList<>();
        after.forEach((table, rows) -> {
            if (rows != 0) {
                left.add(table + ": " + rows + " rows");
            }
        });
        long outages = outages(platform);
        if (outages != 0) {
            left.add("monitor.outage: " + outages + " rows");
        }
        for (String url : List.of(
                shop.contacts("/api/v1/contacts"),
                shop.contacts("/api/v1/tenant"),
                shop.outreach("/api/v1/campaigns"),
                shop.outreach("/api/v1/runs/" + runId),
                system.monitor().baseUrl() + "/api/v1/tenant/platforms")) {
            int status = Http.get(url, shop.auth()).status();
            if (status != 401) {
                left.add("GET " + url + " with its key: " + status);
            }
        }
        int tenant = Http.get(shop.contacts("/api/v1/admin/tenants/" + shop.tenantId), RunningSystem.admin())
                .status();
        if (tenant != 404) {
            left.add("the operator's GET of the tenant: " + tenant);
        }

        if (left.isEmpty()) {
            Results.add(Results.TENANT_DELETIONS_VERIFIED, 1);
        }
        Results.set(
                "tenant deletion",
                String.format(
                        "%d rows in %d tables before; %d rows or answers left %d s after",
                        before.values().stream().mapToLong(Long::longValue).sum(),
                        before.size(),
                        left.size(),
                        erasedIn.toSeconds()));
        assertThat(left).as("what is left of the deleted business").isEmpty();
    }

    /** A business's platform's outages are its own too (the shared table counts its rows by tenant only). */
    private long outages(String platformId) {
        return ServiceTables.count(system, "monitor", "SELECT count(*) FROM outage WHERE platform_id = ?", platformId);
    }

    /** A platform of the business's own, probed every 5 s, that the business depends on. */
    private void ownPlatform(Business shop, String platformId) {
        String monitor = system.monitor().baseUrl();
        // Monitor learns the new key from tenants.v1: the first calls may come before it has.
        Http.Reply platform = Business.eventually(
                WAIT,
                () -> Http.post(
                        monitor + "/api/v1/tenant/platforms",
                        shop.auth(),
                        Map.of("id", platformId, "name", shop.slug + " web shop")),
                reply -> reply.status() == 201);
        assertThat(platform.status()).as(platform.raw()).isEqualTo(201);
        Http.Reply probe = Http.post(
                monitor + "/api/v1/tenant/platforms/" + platformId + "/probes",
                shop.auth(),
                Map.of(
                        "type",
                        "http",
                        "target",
                        system.monitor().managementUrl() + "/q/health/live",
                        "interval",
                        "5s",
                        "timeout",
                        "2s"));
        assertThat(probe.status()).as(probe.raw()).isEqualTo(201);
        Http.Reply dependencies = Http.send(
                "PUT",
                monitor + "/api/v1/tenant/dependencies",
                shop.auth(),
                "application/json",
                "{\"platformIds\":[\"" + platformId + "\"]}");
        assertThat(dependencies.status()).as(dependencies.raw()).isEqualTo(200);
    }
}
