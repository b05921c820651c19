package dev.lifeline.outreach.campaign;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TestSendTest {

    @InjectLocalStack
    LocalStack stack;

    private String tenant() {
        return TestBus.newTenant(TestBus.companion(stack.kafka().bootstrapServers()), "t-" + TestBus.uid());
    }

    private String campaign(String key, Map<String, Object> body) {
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

    private ValidatableResponse testSend(String key, String campaignId, Map<String, Object> body) {
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/campaigns/{id}/test-send", campaignId)
                .then();
    }

    @Test
    void theOwnerGetsTheCampaignAsASampleCustomerWouldWithTestBeforeTheSubject() throws Exception {
        String key = tenant();
        String id = campaign(key, CampaignApiTest.email());
        String to = "owner-" + TestBus.uid() + "@shop.example";

        testSend(key, id, Map.of("to", to))
                .statusCode(200)
                .body("status", equalTo("sent"))
                .body("channel", equalTo("email"))
                .body("to", equalTo(to));

        CapturedMail mail = awaitMailTo(to).orElseThrow(() -> new AssertionError("no test mail reached " + to));
        assertThat(mail.subject()).isEqualTo("[Test] We are still here for you");
        assertThat(mail.text()).contains("Hi Alex Sample, Instagram is down");
        assertThat(mail.header("List-Unsubscribe"))
                .as("a test has no unsubscribe")
                .isNull();
    }

    @Test
    void aTestSendNeedsAnAddressTheChannelCanReach() {
        String key = tenant();
        String email = campaign(key, CampaignApiTest.email());
        testSend(key, email, Map.of())
                .statusCode(422)
                .body("errors.field", hasItem("to"))
                .body("detail", containsString("required"));
        testSend(key, email, Map.of("to", "+4915112345678"))
                .statusCode(422)
                .body("errors.field", hasItem("to"))
                .body("detail", containsString("e-mail address"));
        testSend(key, email, Map.of("to", "x".repeat(400) + "@example.com"))
                .statusCode(400)
                .body("errors.field", hasItem("to"));
        testSend(key, email, Map.of("to", "owner@example.com", "contactId", "nobody"))
                .statusCode(404)
                .body("errors.field", hasItem("contactId"));

        Map<String, Object> sms = new HashMap<>(CampaignApiTest.email());
        sms.put("channel", "sms");
        sms.remove("subject");
        sms.remove("htmlBody");
        String smsId = campaign(key, sms);
        testSend(key, smsId, Map.of("to", "owner@example.com"))
                .statusCode(422)
                .body("errors.field", hasItem("to"))
                .body("detail", containsString("international format"));
    }

    @Test
    void anotherBusinessCannotTestSendThisOnesCampaign() {
        String id = campaign(tenant(), CampaignApiTest.email());
        testSend(tenant(), id, Map.of("to", "owner@example.com")).statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("to", "owner@example.com"))
                .post("/api/v1/campaigns/{id}/test-send", id)
                .then()
                .statusCode(401);
    }

    @Test
    void aBusinessCannotTurnTestSendsIntoAMailCannon() {
        String key = tenant();
        String id = campaign(key, CampaignApiTest.email());
        // %test.lifeline.delivery.test-sends-per-hour=3
        for (int i = 0; i < 3; i++) {
            testSend(key, id, Map.of("to", "cannon-" + i + "@shop.example")).statusCode(200);
        }
        testSend(key, id, Map.of("to", "cannon-3@shop.example"))
                .statusCode(429)
                .body("detail", containsString("test sends"));
        // Another business has its own hour.
        String other = tenant();
        testSend(other, campaign(other, CampaignApiTest.email()), Map.of("to", "other@shop.example"))
                .statusCode(200);
    }

    private Optional<CapturedMail> awaitMailTo(String to) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<CapturedMail> found = stack.mail().messages().stream()
                    .filter(m -> m.to().contains(to))
                    .toList();
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }
}
