package dev.lifeline.outreach.whatsapp;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.FakeWhatsApp;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** WhatsApp campaigns against a local Cloud API that speaks Meta's request and answer shapes (FakeWhatsApp). */
@QuarkusTest
class WhatsAppCampaignTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    static ContactUpserted contact(
            Scenario s,
            String name,
            String phone,
            List<ContactChannel> order,
            Map<ContactChannel, ConsentStatus> consents) {
        return new ContactUpserted(
                s.tenant,
                s.contactId(name),
                1,
                "Sam " + name,
                s.address(name),
                phone,
                "en",
                "UTC",
                List.of(),
                order,
                consents,
                Instant.now());
    }

    static Map<String, Object> whatsappCampaign(
            String platform, String kind, String template, List<String> parameters) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "WhatsApp " + kind);
        body.put("platformId", platform);
        body.put("channel", "whatsapp");
        body.put("kind", kind);
        body.put("gracePeriod", "PT0S");
        body.put("whatsappTemplate", Map.of("name", template, "language", "en", "bodyParameters", parameters));
        return body;
    }

    static String uniquePhone(Scenario s, int n) {
        return "+49170" + n + String.format("%06d", Math.abs(s.marker.hashCode()) % 1_000_000);
    }

    private static List<FakeWhatsApp.Message> messagesOf(Scenario s) {
        return FakeWhatsApp.MESSAGES.stream()
                .filter(m -> m.parameters().contains("p" + s.marker))
                .toList();
    }

    @Test
    void aWhatsappCampaignSendsTheApprovedTemplateToContactsWithWhatsappConsentOnly() {
        Scenario s = new Scenario(stack, db);
        Map<ContactChannel, ConsentStatus> all =
                Map.of(ContactChannel.WHATSAPP, ConsentStatus.CONFIRMED, ContactChannel.EMAIL, ConsentStatus.CONFIRMED);
        String ada = uniquePhone(s, 1);
        String bob = uniquePhone(s, 2);
        TestBus.send(s.kafka, Topics.CONTACTS, contact(s, "ada", ada, List.of(ContactChannel.WHATSAPP), all));
        // Bob prefers WhatsApp but never consented to it: a WhatsApp campaign must not reach him.
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                contact(
                        s,
                        "bob",
                        bob,
                        List.of(ContactChannel.WHATSAPP),
                        Map.of(ContactChannel.EMAIL, ConsentStatus.CONFIRMED)));
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                contact(s, "slow", FakeWhatsApp.THROTTLED_ONCE, List.of(ContactChannel.WHATSAPP), all));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 3);
        s.createCampaign(whatsappCampaign(
                s.platform,
                "outage",
                FakeWhatsApp.OUTAGE_TEMPLATE,
                List.of("{contact.firstName}", "{outage.platform}")));

        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messagesOf(s).size() == 2
                        && Db.count(
                                        db,
                                        "select count(*) from delivery where tenant_id = ? and state in ('queued','sending')",
                                        s.tenant)
                                == 0);

        assertThat(messagesOf(s))
                .extracting(FakeWhatsApp.Message::to)
                .containsExactlyInAnyOrder(ada, FakeWhatsApp.THROTTLED_ONCE);
        FakeWhatsApp.Message toAda = messagesOf(s).stream()
                .filter(m -> m.to().equals(ada))
                .findFirst()
                .orElseThrow();
        assertThat(toAda.template()).isEqualTo(FakeWhatsApp.OUTAGE_TEMPLATE);
        assertThat(toAda.language()).isEqualTo("en");
        assertThat(toAda.parameters()).containsExactly("Sam", "p" + s.marker);
        assertThat(FakeWhatsApp.ATTEMPTS).doesNotContain(bob);
        assertThat(Db.string(db, "select provider_message_id from delivery where contact_id = ?", s.contactId("ada")))
                .isEqualTo(toAda.wamid());
        // Meta's 130429 (throughput) the first time: tried again and sent.
        assertThat(Db.string(
                        db, "select state || ':' || attempts from delivery where contact_id = ?", s.contactId("slow")))
                .isEqualTo("sent:2");
        assertThat(s.mails()).isEmpty();
    }

    @Test
    void aRecipientWhoStoppedMarketingMessagesLosesWhatsappConsentHereAndAtContactService() {
        Scenario s = new Scenario(stack, db);
        Map<ContactChannel, ConsentStatus> all =
                Map.of(ContactChannel.WHATSAPP, ConsentStatus.CONFIRMED, ContactChannel.EMAIL, ConsentStatus.CONFIRMED);
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                contact(s, "stop", FakeWhatsApp.OPTED_OUT, List.of(ContactChannel.WHATSAPP), all));
        TestBus.send(
                s.kafka,
                Topics.CONTACTS,
                contact(s, "gone", FakeWhatsApp.NOT_ON_WHATSAPP, List.of(ContactChannel.WHATSAPP), all));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", s.tenant) == 2);
        String campaign = s.createCampaign(whatsappCampaign(
                s.platform,
                "outage",
                FakeWhatsApp.OUTAGE_TEMPLATE,
                List.of("{contact.firstName}", "{outage.platform}")));

        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count(db, "select count(*) from delivery where tenant_id = ? and state = 'failed'", s.tenant)
                                == 2);

        assertThat(Db.string(db, "select last_error from delivery where contact_id = ?", s.contactId("stop")))
                .contains("131050");
        assertThat(Db.count(
                        db,
                        "select count(*) from suppression where contact_id = ? and channel = 'whatsapp' and reason = 'unsubscribe'",
                        s.contactId("stop")))
                .isEqualTo(1);
        var record = TestBus.awaitRecord(
                s.kafka, Topics.CONSENT_WITHDRAWALS, r -> s.contactId("stop").equals(r.key()));
        ConsentWithdrawn withdrawn = EventCodec.decode(record.value(), ConsentWithdrawn.class);
        assertThat(withdrawn.tenantId()).isEqualTo(s.tenant);
        assertThat(withdrawn.channel()).isEqualTo(ContactChannel.WHATSAPP);
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.UNSUBSCRIBE);
        // 131026 (not on WhatsApp, old app, terms not accepted) fails the message but is no reason to drop consent.
        assertThat(Db.string(db, "select last_error from delivery where contact_id = ?", s.contactId("gone")))
                .contains("131026");
        assertThat(Db.count(db, "select count(*) from suppression where contact_id = ?", s.contactId("gone")))
                .isZero();

        // The next run of the campaign leaves the opted-out contact out, and sends nothing to Meta for them.
        int attempts = (int) FakeWhatsApp.ATTEMPTS.stream()
                .filter(FakeWhatsApp.OPTED_OUT::equals)
                .count();
        String run = given().auth()
                .oauth2(s.key)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/campaigns/{id}/runs", campaign)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !"scheduled".equals(s.run(run).get("status")));
        assertThat(s.run(run)).containsEntry("audience", 1);
        assertThat(FakeWhatsApp.ATTEMPTS.stream()
                        .filter(FakeWhatsApp.OPTED_OUT::equals)
                        .count())
                .isEqualTo(attempts);
    }

    @Test
    void aWhatsappCampaignWithoutAValidTemplateIsAProblemNamingTheField() {
        Scenario s = new Scenario(stack, db);
        Map<String, Object> body =
                whatsappCampaign(s.platform, "outage", FakeWhatsApp.OUTAGE_TEMPLATE, List.of("{contact.name}"));
        body.remove("whatsappTemplate");
        post(s, body)
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("whatsappTemplate"));

        body.put("whatsappTemplate", Map.of("name", "Outage Notice!", "language", "en", "bodyParameters", List.of()));
        post(s, body).statusCode(400).body("errors[0].field", equalTo("whatsappTemplate.name"));

        body.put(
                "whatsappTemplate",
                Map.of("name", "outage_notice", "language", "english", "bodyParameters", List.of()));
        post(s, body).statusCode(400).body("errors[0].field", equalTo("whatsappTemplate.language"));

        body.put(
                "whatsappTemplate",
                Map.of(
                        "name",
                        "outage_notice",
                        "language",
                        "en",
                        "bodyParameters",
                        List.of("{contact.name}", "{contact.phone}")));
        post(s, body).statusCode(400).body("errors[0].field", equalTo("whatsappTemplate.bodyParameters[1]"));

        body.put(
                "whatsappTemplate",
                Map.of("name", "outage_notice", "language", "en", "bodyParameters", List.of("Hi\n{contact.name}")));
        post(s, body).statusCode(400).body("errors[0].field", equalTo("whatsappTemplate.bodyParameters[0]"));

        body.put("whatsappTemplate", Map.of("name", "outage_notice", "language", "en"));
        post(s, body).statusCode(400).body("errors[0].field", equalTo("whatsappTemplate.bodyParameters"));
        // Nothing half-written: none of these left a campaign behind.
        given().auth()
                .oauth2(s.key)
                .get("/api/v1/campaigns")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        body.put(
                "whatsappTemplate",
                Map.of("name", "outage_notice", "language", "pt_BR", "bodyParameters", List.of("{contact.firstName}")));
        String id = post(s, body)
                .statusCode(201)
                .body("whatsappTemplate.name", equalTo("outage_notice"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(s.key)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/campaigns/{id}/preview", id)
                .then()
                .statusCode(200)
                .body("whatsappTemplate.bodyParameters[0]", equalTo("Alex"))
                .body("whatsappTemplate.language", equalTo("pt_BR"));
    }

    private static ValidatableResponse post(Scenario s, Map<String, Object> body) {
        return given().auth()
                .oauth2(s.key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/campaigns")
                .then();
    }
}
