package dev.lifeline.outreach.subjectaccess;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A contact who was mailed and then unsubscribed leaves a projection, a delivery and a suppression at outreach. The
 * subject access endpoint shows all three to the contact's business only; erasure at contact-service removes all three.
 */
@QuarkusTest
class ErasureReachesEveryCopyTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    @Test
    void aMailedAndUnsubscribedContactIsShownWhole_andErasureRemovesItsDeliveriesAndSuppressions() {
        Scenario s = new Scenario(stack, db);
        String id = UUID.randomUUID().toString();
        String address = s.address("eve");
        TestBus.send(s.kafka, Topics.CONTACTS, TestBus.contact(s.tenant, id, 1, address, ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("outreach_contact", id) == 1);
        s.createCampaign(s.emailCampaign("PT0S"));
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30)).until(() -> s.mailsTo("eve").size() == 1);
        CapturedMail mail = s.mailsTo("eve").get(0);
        String unsubscribe = URI.create(mail.header("List-Unsubscribe").replaceAll("[<>]", ""))
                .getPath();
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribe)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sent".equals(Db.string(db, "select state from delivery where contact_id = ?", id)));

        JsonPath data = given().auth()
                .oauth2(s.key)
                .get("/api/v1/contacts/{id}/data", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(data.getString("contactId")).isEqualTo(id);
        assertThat(data.getString("contact.email")).isEqualTo(address);
        assertThat(data.getString("contact.consents.email")).isEqualTo("confirmed");
        List<Map<String, Object>> deliveries = data.getList("deliveries");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0))
                .containsEntry("campaignName", "Fallback")
                .containsEntry("channel", "email")
                .containsEntry("state", "sent")
                .containsEntry("platformId", s.platform);
        assertThat(deliveries.get(0).get("runId")).isNotNull();
        assertThat(data.getList("suppressions.channel")).containsExactly("email");
        assertThat(data.getString("suppressions[0].reason")).isNotBlank();

        // Another business asking about the same id learns nothing, not even that it exists.
        String otherKey = TestBus.newTenant(s.kafka, "t-" + TestBus.uid());
        given().auth()
                .oauth2(otherKey)
                .get("/api/v1/contacts/{id}/data", id)
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));

        String erased = TestBus.send(s.kafka, Topics.CONTACTS, new ContactErased(s.tenant, id, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.processed(db, erased));
        assertThat(count("outreach_contact", id)).as("projection").isZero();
        assertThat(count("delivery", id)).as("deliveries").isZero();
        assertThat(count("suppression", id)).as("suppressions").isZero();
        given().auth()
                .oauth2(s.key)
                .get("/api/v1/contacts/{id}/data", id)
                .then()
                .statusCode(404);
    }

    @Test
    void aTombstoneAloneAlsoRemovesDeliveriesAndSuppressions() {
        Scenario s = new Scenario(stack, db);
        String id = UUID.randomUUID().toString();
        TestBus.send(
                s.kafka, Topics.CONTACTS, TestBus.contact(s.tenant, id, 1, s.address("tom"), ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("outreach_contact", id) == 1);
        s.createCampaign(s.emailCampaign("PT0S"));
        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sent".equals(Db.string(db, "select state from delivery where contact_id = ?", id)));
        String unsubscribe = URI.create(
                        s.mailsTo("tom").get(0).header("List-Unsubscribe").replaceAll("[<>]", ""))
                .getPath();
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(unsubscribe)
                .then()
                .statusCode(200);
        assertThat(count("suppression", id)).isEqualTo(1);

        // After compaction a consumer may see only the tombstone of an erased contact.
        TestBus.send(s.kafka, Topics.CONTACTS, id, null, null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("outreach_contact", id) == 0);
        assertThat(count("delivery", id)).as("deliveries").isZero();
        assertThat(count("suppression", id)).as("suppressions").isZero();
    }

    @Test
    void anUnknownIdIs404AndAMalformedOneIs400NamingTheField() {
        Scenario s = new Scenario(stack, db);
        given().auth()
                .oauth2(s.key)
                .get("/api/v1/contacts/{id}/data", UUID.randomUUID().toString())
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().auth()
                .oauth2(s.key)
                .get("/api/v1/contacts/{id}/data", "not-a-uuid")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("id"));
        given().get("/api/v1/contacts/{id}/data", UUID.randomUUID().toString())
                .then()
                .statusCode(401);
    }

    private long count(String table, String contactId) {
        return Db.count(db, "select count(*) from " + table + " where contact_id = ?", contactId);
    }
}
