package dev.lifeline.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR art. 15 and 17 across the running services: one call to contact-service returns what contact-service and
 * outreach-service hold about a contact (outreach asked over HTTP with the business's key), erasure empties outreach's
 * part, and an outreach that does not answer is named in the answer instead of being left out.
 */
class SubjectAccessSystemTest {

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

    @Test
    void oneCallReturnsWhatEveryServiceHolds_onlyToItsBusiness_andErasureEmptiesOutreachsPart() {
        String contacts = system.contacts().baseUrl();
        String outreach = system.outreach().baseUrl();
        Map<String, String> key = signUp("sar-shop");
        Map<String, String> otherKey = signUp("sar-other");

        Http.Reply created = Http.post(
                contacts + "/api/v1/contacts",
                key,
                Map.of(
                        "name",
                        "Ada",
                        "email",
                        "ada@example.com",
                        "consents",
                        Map.of("email", true),
                        "consentText",
                        "E-mail me if Instagram is down"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String contactId = created.body().path("id").asText();
        Http.Reply campaign = eventually(
                Duration.ofSeconds(60),
                () -> Http.post(
                        outreach + "/api/v1/campaigns",
                        key,
                        Map.of(
                                "name",
                                "Instagram fallback",
                                "platformId",
                                "instagram",
                                "channel",
                                "email",
                                "subject",
                                "Still here",
                                "textBody",
                                "Hi {contact.name}, order at https://shop.example.",
                                "gracePeriod",
                                "PT0S")),
                reply -> reply.status() == 201);
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);
        String campaignId = campaign.body().path("id").asText();
        // The contact reaches outreach through contacts.v1: a dry run counts it once it has.
        Http.Reply audience = eventually(
                Duration.ofSeconds(60),
                () -> {
                    Http.Reply dryRun = Http.post(
                            outreach + "/api/v1/campaigns/" + campaignId + "/runs", key, Map.of("dryRun", true));
                    return eventually(
                            Duration.ofSeconds(10),
                            () -> Http.get(
                                    outreach + "/api/v1/runs/"
                                            + dryRun.body().path("id").asText(),
                                    key),
                            run -> run.status() == 200
                                    && run.body().path("audience").isInt());
                },
                run -> run.body().path("audience").asInt() == 1);
        assertThat(audience.body().path("audience").asInt()).as(audience.raw()).isEqualTo(1);
        Http.Reply run = Http.post(outreach + "/api/v1/campaigns/" + campaignId + "/runs", key, Map.of());
        assertThat(run.status()).as(run.raw()).isEqualTo(202);
        String runId = run.body().path("id").asText();
        assertThat(system.stack.mail().awaitCount(1, Duration.ofSeconds(90)))
                .as("the campaign's mail")
                .isTrue();

        String sarUrl = contacts + "/api/v1/contacts/" + contactId + "/subject-access";
        Http.Reply sar = eventually(
                Duration.ofSeconds(30),
                () -> Http.get(sarUrl, key),
                reply -> "sent"
                        .equals(reply.body()
                                .at("/outreachService/data/deliveries/0/state")
                                .asText()));
        assertThat(sar.status()).as(sar.raw()).isEqualTo(200);
        JsonNode answer = sar.body();
        assertThat(answer.path("complete").asBoolean()).as(sar.raw()).isTrue();
        assertThat(answer.at("/contactService/contact/email").asText()).isEqualTo("ada@example.com");
        assertThat(answer.at("/contactService/consents/events/0/consentText").asText())
                .isEqualTo("E-mail me if Instagram is down");
        assertThat(answer.at("/contactService/provenance/capturedThrough").asText())
                .isEqualTo("api");
        assertThat(answer.at("/outreachService/available").asBoolean()).isTrue();
        assertThat(answer.at("/outreachService/data/contact/email").asText()).isEqualTo("ada@example.com");
        JsonNode delivery = answer.at("/outreachService/data/deliveries/0");
        assertThat(delivery.path("runId").asText()).isEqualTo(runId);
        assertThat(delivery.path("campaignId").asText()).isEqualTo(campaignId);
        assertThat(delivery.path("campaignName").asText()).isEqualTo("Instagram fallback");
        assertThat(delivery.path("channel").asText()).isEqualTo("email");
        assertThat(delivery.path("createdAt").asText()).isNotBlank();
        assertThat(answer.at("/monitorService/holdsData").asBoolean(true)).isFalse();

        // Another business, with its own valid key, learns nothing about this contact from either service.
        assertThat(Http.get(sarUrl, otherKey).status()).isEqualTo(404);
        assertThat(Http.get(outreach + "/api/v1/contacts/" + contactId + "/data", otherKey)
                        .status())
                .isEqualTo(404);

        // Erasure reaches outreach's copy: its projection, delivery and any suppression go.
        assertThat(Http.delete(contacts + "/api/v1/contacts/" + contactId, key).status())
                .isEqualTo(204);
        Http.Reply afterErasure = eventually(
                Duration.ofSeconds(60),
                () -> Http.get(sarUrl, key),
                reply -> reply.body().at("/outreachService/holdsData").isBoolean()
                        && !reply.body().at("/outreachService/holdsData").asBoolean());
        assertThat(afterErasure.body().at("/outreachService/holdsData").asBoolean())
                .as(afterErasure.raw())
                .isFalse();
        assertThat(afterErasure.body().at("/contactService/erased").asBoolean()).isTrue();
        assertThat(afterErasure.raw()).doesNotContain("ada@example.com");
        assertThat(Http.get(outreach + "/api/v1/contacts/" + contactId + "/data", key)
                        .status())
                .isEqualTo(404);

        // With outreach down the answer says its part is missing; it is never silently partial.
        system.kill(RunningSystem.OUTREACH);
        Http.Reply withoutOutreach = Http.get(sarUrl, key);
        assertThat(withoutOutreach.status()).as(withoutOutreach.raw()).isEqualTo(200);
        assertThat(withoutOutreach.body().path("complete").asBoolean()).isFalse();
        assertThat(withoutOutreach.body().at("/outreachService/available").asBoolean())
                .isFalse();
        assertThat(withoutOutreach.body().at("/outreachService/detail").asText())
                .contains("outreach-service");
    }

    private static Map<String, String> signUp(String slug) {
        Http.Reply tenant = Http.post(
                system.contacts().baseUrl() + "/api/v1/admin/tenants",
                RunningSystem.admin(),
                Map.of(
                        "name",
                        "Shop " + slug,
                        "slug",
                        slug,
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "single"));
        assertThat(tenant.status()).as(tenant.raw()).isEqualTo(201);
        return RunningSystem.tenant(tenant.body().path("apiKey").asText());
    }

    private static Http.Reply eventually(Duration timeout, Supplier<Http.Reply> call, Predicate<Http.Reply> done) {
        Instant deadline = Instant.now().plus(timeout);
        Http.Reply reply = call.get();
        while (!done.test(reply) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = call.get();
        }
        return reply;
    }
}
