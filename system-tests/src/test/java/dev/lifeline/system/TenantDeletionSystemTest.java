package dev.lifeline.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business that deletes itself is gone from all three running services — contacts, consent ledger, imports, keys,
 * campaigns, runs, deliveries, suppressions, platforms, probes and their results — while another business keeps every
 * row. And its settings are the same on every contact-service replica.
 */
class TenantDeletionSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Erasure is asynchronous in monitor and outreach; late probe results are swept after about 65 s. */
    private static final Duration ERASURE = Duration.ofSeconds(150);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    /** A business set up as a real one would be, over the three services' REST APIs. */
    private record Business(
            String tenantId, String slug, Map<String, String> key, String platformId, String campaignId) {}

    @Test
    void aDeletedBusinessLeavesNothingInAnyServiceAndAnotherKeepsEverything() {
        Business doomed = business("doomed-shop", "doomed");
        Business kept = business("kept-shop", "kept");
        String runId = runCampaign(doomed);
        runCampaign(kept);
        MailClient.unsubscribeOneClick(system, "ada@" + doomed.slug() + ".example");
        awaitProbeResults(doomed);
        awaitProbeResults(kept);

        Map<String, Long> doomedBefore = ServiceTables.count(system, doomed.tenantId(), doomed.platformId());
        assertThat(doomedBefore)
                .as("the doomed business has rows everywhere before")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        Map<String, Long> keptBefore = ServiceTables.count(system, kept.tenantId(), kept.platformId());

        Http.Reply deleted = Http.send(
                "DELETE",
                system.contacts().baseUrl() + "/api/v1/tenant",
                doomed.key(),
                "application/json",
                "{\"confirm\":\"" + doomed.slug() + "\"}");
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(202);

        Map<String, Long> left = eventually(
                ERASURE,
                () -> ServiceTables.count(system, doomed.tenantId(), doomed.platformId()),
                counts -> counts.values().stream().allMatch(n -> n == 0));
        assertThat(left)
                .as("rows of the deleted business left")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());

        for (String url : List.of(
                system.contacts().baseUrl() + "/api/v1/contacts",
                system.outreach().baseUrl() + "/api/v1/campaigns",
                system.outreach().baseUrl() + "/api/v1/runs/" + runId,
                system.monitor().baseUrl() + "/api/v1/tenant/platforms")) {
            assertThat(Http.get(url, doomed.key()).status()).as(url).isEqualTo(401);
        }

        Map<String, Long> keptAfter = ServiceTables.count(system, kept.tenantId(), kept.platformId());
        assertThat(keptAfter.get("monitor.probe_result"))
                .isGreaterThanOrEqualTo(keptBefore.get("monitor.probe_result"));
        keptAfter.remove("monitor.probe_result");
        keptBefore.remove("monitor.probe_result");
        assertThat(keptAfter).as("the other business's rows").isEqualTo(keptBefore);
        assertThat(Http.get(system.contacts().baseUrl() + "/api/v1/contacts", kept.key())
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(4);
        assertThat(Http.get(system.outreach().baseUrl() + "/api/v1/campaigns", kept.key())
                        .body()
                        .size())
                .isEqualTo(1);
        assertThat(Http.get(system.monitor().baseUrl() + "/api/v1/tenant/platforms", kept.key())
                        .raw())
                .contains(kept.platformId());
    }

    /**
     * Two contact-service replicas: a consent text changed through one is the text the other shows and records at
     * once (no replica keeps an old copy of the tenant).
     */
    @Test
    void aConsentTextChangedThroughOneReplicaIsWhatTheOtherRecords() {
        String first = system.contacts().baseUrl();
        String second =
                system.addInstance(RunningSystem.CONTACT, "contact-service-2").baseUrl();
        Http.Reply tenant = Http.post(
                first + "/api/v1/admin/tenants",
                RunningSystem.admin(),
                Map.of(
                        "name",
                        "Replica shop",
                        "slug",
                        "replica-shop",
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "single"));
        assertThat(tenant.status()).as(tenant.raw()).isEqualTo(201);
        Map<String, String> key =
                RunningSystem.tenant(tenant.body().path("apiKey").asText());
        // The second replica reads the tenant before the change, as it would have serving earlier sign-ups.
        assertThat(ledgerLine(second, key, "before@replica.example")
                        .path("consentVersion")
                        .asText())
                .isEqualTo("tenant-v1");

        Http.Reply changed = Http.patch(
                first + "/api/v1/tenant",
                key,
                Map.of("consentTexts", Map.of("email", "E-mail me when the shop cannot reach me")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        JsonNode line = ledgerLine(second, key, "after@replica.example");
        assertThat(line.path("consentVersion").asText()).isEqualTo("tenant-v2");
        assertThat(line.path("consentText").asText()).isEqualTo("E-mail me when the shop cannot reach me");
        system.remove("contact-service-2");
    }

    /** A contact captured through the API without a text of its own: its ledger line names the tenant's version. */
    private static JsonNode ledgerLine(String contactUrl, Map<String, String> key, String email) {
        Http.Reply created = Http.post(
                contactUrl + "/api/v1/contacts", key, Map.of("email", email, "consents", Map.of("email", true)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Http.Reply proof = Http.get(
                contactUrl + "/api/v1/contacts/" + created.body().path("id").asText() + "/consents", key);
        assertThat(proof.status()).as(proof.raw()).isEqualTo(200);
        return proof.body().path("events").get(0);
    }

    private static Business business(String slug, String name) {
        Http.Reply tenant = Http.post(
                system.contacts().baseUrl() + "/api/v1/admin/tenants",
                RunningSystem.admin(),
                Map.of(
                        "name",
                        name,
                        "slug",
                        slug,
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "single"));
        assertThat(tenant.status()).as(tenant.raw()).isEqualTo(201);
        Map<String, String> key =
                RunningSystem.tenant(tenant.body().path("apiKey").asText());
        for (String person : List.of("ada", "grace", "nobody")) {
            Http.Reply contact = Http.post(
                    system.contacts().baseUrl() + "/api/v1/contacts",
                    key,
                    Map.of(
                            "name",
                            person,
                            "email",
                            person + "@" + slug + ".example",
                            "consents",
                            Map.of("email", !person.equals("nobody"))));
            assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
        }
        Http.Reply imported = Http.send(
                "POST",
                system.contacts().baseUrl() + "/api/v1/contacts/imports",
                key,
                "text/csv",
                "email,name\nimported@" + slug + ".example,Imported\n");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(202);
        String monitor = system.monitor().baseUrl();
        String platformId = "custom-" + slug;
        // Monitor and outreach learn the new key from tenants.v1: the first calls may come before they have.
        Http.Reply platform = eventually(
                WAIT,
                () -> Http.post(
                        monitor + "/api/v1/tenant/platforms",
                        key,
                        Map.of("id", platformId, "name", name + " web shop")),
                reply -> reply.status() == 201);
        assertThat(platform.status()).as(platform.raw()).isEqualTo(201);
        Http.Reply probe = Http.post(
                monitor + "/api/v1/tenant/platforms/" + platformId + "/probes",
                key,
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
        Http.Reply deps = Http.send(
                "PUT",
                monitor + "/api/v1/tenant/dependencies",
                key,
                "application/json",
                "{\"platformIds\":[\"instagram\",\"" + platformId + "\"]}");
        assertThat(deps.status()).as(deps.raw()).isEqualTo(200);
        Http.Reply campaign = eventually(
                WAIT,
                () -> Http.post(
                        system.outreach().baseUrl() + "/api/v1/campaigns",
                        key,
                        Map.of(
                                "name",
                                "Shop fallback",
                                "platformId",
                                platformId,
                                "channel",
                                "email",
                                "subject",
                                "We are still here",
                                "textBody",
                                "Hi {contact.name}, order at https://shop.example.",
                                "gracePeriod",
                                "PT0S")),
                reply -> reply.status() == 201);
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);
        OutreachSender.setUp(system.outreach().baseUrl(), key, slug + ".example");
        return new Business(
                tenant.body().path("id").asText(),
                slug,
                key,
                platformId,
                campaign.body().path("id").asText());
    }

    /** A manual run once outreach knows the two consenting contacts; returns when both mails went out. */
    private static String runCampaign(Business business) {
        String outreach = system.outreach().baseUrl();
        eventually(
                WAIT,
                () -> {
                    Http.Reply dryRun = Http.post(
                            outreach + "/api/v1/campaigns/" + business.campaignId() + "/runs",
                            business.key(),
                            Map.of("dryRun", true));
                    String id = dryRun.body().path("id").asText();
                    return eventually(
                            Duration.ofSeconds(10),
                            () -> Http.get(outreach + "/api/v1/runs/" + id, business.key()),
                            run -> run.body() != null
                                    && run.body().path("audience").isInt());
                },
                run -> run.body().path("audience").asInt() == 2);
        Http.Reply run =
                Http.post(outreach + "/api/v1/campaigns/" + business.campaignId() + "/runs", business.key(), Map.of());
        assertThat(run.status()).as(run.raw()).isEqualTo(202);
        String runId = run.body().path("id").asText();
        Http.Reply sent = eventually(
                WAIT,
                () -> Http.get(outreach + "/api/v1/runs/" + runId, business.key()),
                reply -> reply.body().path("sent").asInt() == 2);
        assertThat(sent.body().path("sent").asInt()).as(sent.raw()).isEqualTo(2);
        return runId;
    }

    private static void awaitProbeResults(Business business) {
        long results = eventually(
                WAIT,
                () -> ServiceTables.count(
                        system,
                        "monitor",
                        "SELECT count(*) FROM probe_result WHERE platform_id = ?",
                        business.platformId()),
                n -> n > 0);
        assertThat(results).as("probe results of " + business.platformId()).isPositive();
    }

    private static <T> T eventually(Duration timeout, Supplier<T> call, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T value = call.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = call.get();
        }
        return value;
    }
}
