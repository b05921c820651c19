package dev.lifeline.outreach;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The foundation path: contacts and an outage on the real broker become exactly one e-mail per consenting contact. */
@QuarkusTest
class OutageFanOutTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    KafkaCompanion kafka;
    String tenant;
    String key;

    @BeforeEach
    void tenant() {
        kafka = TestBus.companion(stack.kafka().bootstrapServers());
        tenant = "t-" + TestBus.uid();
        key = TestBus.newTenant(kafka, tenant);
    }

    @Test
    void outageMailsEveryConsentingContactOnceAndNobodyElse() throws Exception {
        String platform = "custom-fan" + TestBus.uid();
        String p = TestBus.uid();
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(tenant, "c1-" + p, 1, "one-" + p + "@example.com", ConsentStatus.CONFIRMED));
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(tenant, "c2-" + p, 1, "two-" + p + "@example.com", ConsentStatus.CONFIRMED));
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(tenant, "c3-" + p, 1, "pending-" + p + "@example.com", ConsentStatus.PENDING));
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(tenant, "c4-" + p, 1, "gone-" + p + "@example.com", ConsentStatus.WITHDRAWN));
        String other = "t-" + TestBus.uid();
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(other, "c5-" + p, 1, "other-" + p + "@example.com", ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outreach_contact where contact_id like ?", "%-" + p) == 5);

        String campaignId = createCampaign(platform);
        OutageStarted outage = TestBus.outage("o-" + p, platform);
        String eventId = TestBus.send(kafka, Topics.PLATFORM_OUTAGES, outage);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(p).size() == 2);
        List<CapturedMail> mails = mailsTo(p);
        assertThat(mails)
                .flatExtracting(CapturedMail::to)
                .containsExactlyInAnyOrder("one-" + p + "@example.com", "two-" + p + "@example.com");
        CapturedMail one = mails.stream()
                .filter(m -> m.to().contains("one-" + p + "@example.com"))
                .findFirst()
                .orElseThrow();
        assertThat(one.subject()).isEqualTo("We are still here for you");
        assertThat(one.text()).contains("Hi Ada c1-" + p + ",").contains("is down. Order at https://shop.example");
        assertThat(one.header("List-Unsubscribe")).startsWith("<http://outreach.test/unsubscribe/");
        assertThat(one.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        // The same event again (a redelivery), and another event for the same outage (a second detector).
        TestBus.send(
                kafka,
                Topics.PLATFORM_OUTAGES,
                outage.partitionKey(),
                eventId,
                EventTypes.OUTAGE_STARTED,
                EventCodec.encode(outage));
        TestBus.send(kafka, Topics.PLATFORM_OUTAGES, outage);
        // A later outage event on the same key is processed after both: once it is, they were too.
        String sentinel = TestBus.send(kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o2-" + p, platform));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from processed_event where event_id = ?", sentinel) == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from campaign_run where campaign_id = ?::uuid and status <> 'scheduled'",
                                campaignId)
                        == 2);

        given().auth()
                .oauth2(key)
                .get("/api/v1/campaigns/{id}/runs", campaignId)
                .then()
                .statusCode(200);
        Map<String, Object> first = given()
                .auth()
                .oauth2(key)
                .get("/api/v1/campaigns/{id}/runs", campaignId)
                .then()
                .extract()
                .jsonPath()
                .getList("", Map.class)
                .stream()
                .filter(r -> ("o-" + p).equals(r.get("outageId")))
                .findFirst()
                .orElseThrow();
        assertThat(first)
                .containsEntry("audience", 2)
                .containsEntry("sent", 2)
                .containsEntry("failed", 0)
                .containsEntry("status", "completed");
        // The second outage of the same platform inside the notice window reaches nobody again.
        assertThat(mailsTo(p)).hasSize(2);
        given().auth()
                .oauth2(key)
                .get("/api/v1/runs/{id}", first.get("id"))
                .then()
                .statusCode(200)
                .body("sent", equalTo(2))
                .body("audience", equalTo(2));
    }

    private String createCampaign(String platform) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Instagram fallback",
                        "platformId",
                        platform,
                        "channel",
                        "email",
                        "subject",
                        "We are still here for you",
                        "textBody",
                        "Hi {contact.name}, {outage.platform} is down. Order at https://shop.example or call us.",
                        "htmlBody",
                        "<p>Hi {contact.name}, {outage.platform} is down.</p>",
                        "gracePeriod",
                        "PT0S"))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<CapturedMail> mailsTo(String marker) {
        return stack.mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(t -> t.contains("-" + marker + "@")))
                .toList();
    }

    private long count(String sql, Object arg) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static UUID id(String s) {
        return UUID.fromString(s);
    }
}
