package dev.lifeline.outreach;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.LocalStack;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A tenant with contacts and campaigns on a platform of its own, so tests never see each other's mail. */
public final class Scenario {

    public final LocalStack stack;
    public final DataSource db;
    public final KafkaCompanion kafka;
    public final String tenant = "t-" + TestBus.uid();
    public final String marker = TestBus.uid();
    public final String platform = "custom-p" + marker;
    public final String key;

    public Scenario(LocalStack stack, DataSource db) {
        this.stack = stack;
        this.db = db;
        this.kafka = TestBus.companion(stack.kafka().bootstrapServers());
        this.key = TestBus.newTenant(kafka, tenant);
    }

    public String address(String name) {
        return name + "-" + marker + "@example.com";
    }

    /** Contacts with e-mail consent as given; waits until outreach holds them. */
    public void contacts(Map<String, ConsentStatus> byName) {
        byName.forEach((name, consent) -> TestBus.send(
                kafka, Topics.CONTACTS, TestBus.contact(tenant, contactId(name), 1, address(name), consent)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where tenant_id = ?", tenant)
                        >= byName.size());
    }

    public String contactId(String name) {
        return name + "-" + marker;
    }

    public Map<String, Object> emailCampaign(String grace) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Fallback");
        body.put("platformId", platform);
        body.put("channel", "email");
        body.put("subject", "We are still here");
        body.put("textBody", "Hi {contact.name}, {outage.platform} is down. Unsubscribe: {unsubscribeUrl}");
        body.put("gracePeriod", grace);
        return body;
    }

    public String createCampaign(Map<String, Object> body) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public List<CapturedMail> mails() {
        return stack.mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(t -> t.endsWith("-" + marker + "@example.com")))
                .toList();
    }

    public List<CapturedMail> mailsTo(String name) {
        return stack.mail().messages().stream()
                .filter(m -> m.to().contains(address(name)))
                .toList();
    }

    public Map<String, Object> run(String runId) {
        return given().auth()
                .oauth2(key)
                .get("/api/v1/runs/{id}", runId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    public List<Map<String, Object>> runs(String campaignId) {
        return given().auth()
                .oauth2(key)
                .get("/api/v1/campaigns/{id}/runs", campaignId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
    }
}
