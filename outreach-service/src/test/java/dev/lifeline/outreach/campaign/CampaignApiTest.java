package dev.lifeline.outreach.campaign;

import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CampaignApiTest {

    @InjectLocalStack
    LocalStack stack;

    static String key;
    static String otherKey;

    @BeforeEach
    void tenants() {
        if (key == null) {
            var kafka = TestBus.companion(stack.kafka().bootstrapServers());
            key = TestBus.newTenant(kafka, "t-" + TestBus.uid());
            otherKey = TestBus.newTenant(kafka, "t-" + TestBus.uid());
        }
    }

    static Map<String, Object> email() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Instagram fallback");
        body.put("platformId", "instagram");
        body.put("channel", "email");
        body.put("subject", "We are still here for you");
        body.put("textBody", "Hi {contact.name}, {outage.platform} is down. Order at https://shop.example or call us.");
        body.put("htmlBody", "<p>Hi {contact.name}, …</p>");
        body.put("gracePeriod", "PT0S");
        return body;
    }

    private ValidatableResponse post(String k, Map<String, Object> body) {
        return given().auth()
                .oauth2(k)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/campaigns")
                .then();
    }

    @Test
    void createdCampaignIsReadableListedReplacedAndDeleted() {
        String id = post(key, email())
                .statusCode(201)
                .header("Location", containsString("/api/v1/campaigns/"))
                .body("id", notNullValue())
                .body("platformId", equalTo("instagram"))
                .body("channel", equalTo("email"))
                .body("kind", equalTo("outage"))
                .body("gracePeriod", equalTo("PT0S"))
                .body("active", equalTo(true))
                .extract()
                .path("id");
        given().auth()
                .oauth2(key)
                .get("/api/v1/campaigns/{id}", id)
                .then()
                .statusCode(200)
                .body("subject", equalTo("We are still here for you"));
        given().auth()
                .oauth2(key)
                .get("/api/v1/campaigns")
                .then()
                .statusCode(200)
                .body("id", Matchers.hasItem(id));

        Map<String, Object> changed = email();
        changed.put("subject", "Still here, {contact.firstName}");
        changed.put("active", false);
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/api/v1/campaigns/{id}", id)
                .then()
                .statusCode(200)
                .body("subject", equalTo("Still here, {contact.firstName}"))
                .body("active", equalTo(false));

        given().auth().oauth2(key).delete("/api/v1/campaigns/{id}", id).then().statusCode(204);
        given().auth().oauth2(key).get("/api/v1/campaigns/{id}", id).then().statusCode(404);
    }

    @Test
    void gracePeriodDefaultsToTwoMinutes() {
        Map<String, Object> body = email();
        body.remove("gracePeriod");
        post(key, body).statusCode(201).body("gracePeriod", equalTo("PT2M"));
    }

    @Test
    void anotherTenantCannotSeeOrChangeTheCampaign() {
        String id = post(key, email()).statusCode(201).extract().path("id");
        given().auth().oauth2(otherKey).get("/api/v1/campaigns/{id}", id).then().statusCode(404);
        given().auth()
                .oauth2(otherKey)
                .delete("/api/v1/campaigns/{id}", id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(otherKey)
                .get("/api/v1/campaigns/{id}/runs", id)
                .then()
                .statusCode(404);
        given().auth().oauth2(key).get("/api/v1/campaigns/{id}", id).then().statusCode(200);
    }

    @Test
    void withoutAValidKeyIsUnauthorized() {
        given().get("/api/v1/campaigns").then().statusCode(401).contentType(containsString("application/problem+json"));
        given().auth()
                .oauth2("ll_not-a-key")
                .contentType(ContentType.JSON)
                .body(email())
                .post("/api/v1/campaigns")
                .then()
                .statusCode(401);
    }

    @Test
    void templateSyntaxErrorNamesFieldLineAndColumn() {
        Map<String, Object> body = email();
        body.put("textBody", "Hello\n{#if contact.name}Hi{/for}");
        post(key, body)
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("textBody"))
                .body("errors[0].message", containsString("line 2, column"));
    }

    @Test
    void unknownPlaceholderIsRejected() {
        Map<String, Object> body = email();
        body.put("subject", "Hi {contact.surname}");
        post(key, body)
                .statusCode(400)
                .body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", containsString("unknown placeholder {contact.surname}"));
    }

    @Test
    void aSubjectWithALineBreakIsRefusedBeforeItCouldSplitTheMailHeader() {
        Map<String, Object> body = email();
        body.put("subject", "Instagram is down\r\nBcc: everyone@example.com");
        post(key, body)
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("subject"));
        body.put("subject", "Instagram is down — we are still here");
        post(key, body).statusCode(201);
    }

    @Test
    void unknownPlatformIsRejectedOnPlatformId() {
        Map<String, Object> body = email();
        body.put("platformId", "myspace");
        post(key, body).statusCode(422).body("errors[0].field", equalTo("platformId"));
        body.put("platformId", "custom-my-forum");
        post(key, body).statusCode(201);
    }

    @Test
    void smsTooLongForTheSegmentLimitIsRejectedAndSegmentsAreShown() {
        Map<String, Object> sms = new HashMap<>(
                Map.of("name", "SMS", "platformId", "whatsapp", "channel", "sms", "textBody", "x".repeat(500)));
        post(key, sms)
                .statusCode(400)
                .body("errors[0].field", equalTo("textBody"))
                .body("errors[0].message", containsString("SMS segments"));
        sms.put("textBody", "Hi {contact.name}, WhatsApp is down. Call us: {business.phone} – ✓");
        post(key, sms)
                .statusCode(201)
                .body("smsSegments.encoding", equalTo("UCS-2"))
                .body("smsSegments.segments", equalTo(1));
    }

    @Test
    void webhookNeedsAnAbsoluteHttpUrlAndNeverEchoesItsSecret() {
        Map<String, Object> hook = new HashMap<>(
                Map.of("name", "Hook", "platformId", "any", "channel", "webhook", "webhookUrl", "ftp://example.com/x"));
        post(key, hook).statusCode(400).body("errors[0].field", equalTo("webhookUrl"));
        hook.put("webhookUrl", "https://hooks.example.com/lifeline");
        post(key, hook).statusCode(201).body("webhookSecretSet", equalTo(true)).body("webhookSecret", nullValue());
    }

    @Test
    void missingFieldsUnknownChannelAndBadDurationAreProblems() {
        Map<String, Object> body = email();
        body.remove("name");
        post(key, body).statusCode(400).body("errors.field", Matchers.hasItem("name"));
        body = email();
        body.put("channel", "pigeon");
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/campaigns")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        body = email();
        body.put("gracePeriod", "-PT1M");
        post(key, body).statusCode(400).body("errors[0].field", equalTo("gracePeriod"));
        body = email();
        body.remove("subject");
        post(key, body).statusCode(400).body("errors[0].field", equalTo("subject"));
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body("{not json")
                .post("/api/v1/campaigns")
                .then()
                .statusCode(400);
    }

    @Test
    void previewRendersForASampleContact() {
        String id = post(key, email()).statusCode(201).extract().path("id");
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/campaigns/{id}/preview", id)
                .then()
                .statusCode(200)
                .body("text", equalTo("Hi Alex Sample, Instagram is down. Order at https://shop.example or call us."))
                .body("html", equalTo("<p>Hi Alex Sample, …</p>"));
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("contactId", "nobody"))
                .post("/api/v1/campaigns/{id}/preview", id)
                .then()
                .statusCode(404)
                .body("errors[0].field", equalTo("contactId"));
    }

    @Test
    void unknownRunOrCampaignIdsAre404() {
        given().auth().oauth2(key).get("/api/v1/runs/{id}", "not-a-uuid").then().statusCode(404);
        given().auth()
                .oauth2(key)
                .get("/api/v1/runs/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(key)
                .get("/api/v1/campaigns/{id}/runs", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        given().auth().oauth2(key).get("/api/v1/campaigns").then().body("$", Matchers.not(hasSize(-1)));
    }

    @Test
    void quietHoursNeedBothEndsInHourMinuteFormat() {
        Map<String, Object> body = email();
        body.put("quietHours", Map.of("start", "21:00"));
        post(key, body).statusCode(400).body("errors[0].field", equalTo("quietHours"));
        body.put("quietHours", Map.of("start", "25:00", "end", "08:00"));
        post(key, body).statusCode(400).body("errors[0].field", equalTo("quietHours.start"));
        body.put("quietHours", Map.of("start", "21:00", "end", "08:00"));
        post(key, body)
                .statusCode(201)
                .body("quietHours.start", Matchers.startsWith("21:00"))
                .body("quietHours.end", Matchers.startsWith("08:00"));
    }
}
