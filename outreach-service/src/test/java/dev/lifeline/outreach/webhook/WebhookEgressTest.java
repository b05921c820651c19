package dev.lifeline.outreach.webhook;

import dev.lifeline.events.Topics;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.FakeEndpoints;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A business's webhook never reaches inside the network: an internal URL is refused at save (422 naming
 * webhookUrl), and a name that resolves public at save but to loopback at send time fails the delivery for good,
 * without calling the server on loopback and without retries.
 */
@QuarkusTest
@TestProfile(StrictEgressProfile.class)
class WebhookEgressTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    private static Map<String, Object> hook(Scenario s, String url) {
        return new HashMap<>(Map.of(
                "name",
                "Hook",
                "platformId",
                s.platform,
                "channel",
                "webhook",
                "webhookUrl",
                url,
                "webhookSecret",
                "whsec-" + s.marker,
                "gracePeriod",
                "PT0S"));
    }

    @Test
    void aWebhookToAnInternalAddressIsRefusedAtSaveNamingTheField() {
        Scenario s = new Scenario(stack, db);
        int port = URI.create(FakeEndpoints.baseUrl()).getPort();
        List<String[]> refused = List.of(
                new String[] {"http://127.0.0.1:" + port + "/hooks/x", "loopback"},
                new String[] {"http://localhost:" + port + "/hooks/x", "localhost resolves to"},
                new String[] {"https://169.254.169.254/latest/meta-data/", "link-local"},
                new String[] {"http://[::1]/hook", "loopback"},
                new String[] {"http://[::ffff:10.0.0.1]/hook", "private"},
                new String[] {"https://192.168.0.10/hook", "private"},
                new String[] {"https://100.100.100.200/hook", "carrier-grade NAT"});
        for (String[] r : refused) {
            given().auth()
                    .oauth2(s.key)
                    .contentType(ContentType.JSON)
                    .body(hook(s, r[0]))
                    .post("/api/v1/campaigns")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("webhookUrl"))
                    .body("errors[0].message", containsString(r[1]));
        }
        assertThat(Db.count(db, "select count(*) from campaign where tenant_id = ?", s.tenant))
                .isZero();
    }

    @Test
    void aWebhookWhoseNameRebindsToLoopbackFailsAtSendTimeWithoutCallingIt() {
        Scenario s = new Scenario(stack, db);
        String host = "hooks-" + s.marker + ".test";
        ScriptedResolver.script(host, "93.184.216.34", "127.0.0.1");
        int port = URI.create(FakeEndpoints.baseUrl()).getPort();
        s.createCampaign(hook(s, "http://" + host + ":" + port + "/hooks/" + s.marker));

        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                db,
                                "select count(*) from delivery where tenant_id = ? and channel = 'webhook' and state = 'failed'",
                                s.tenant)
                        == 1);
        assertThat(Db.string(
                        db, "select last_error from delivery where tenant_id = ? and channel = 'webhook'", s.tenant))
                .isEqualTo("webhook refused: " + host + " resolves to 127.0.0.1, a loopback address");
        assertThat(Db.count(db, "select attempts from delivery where tenant_id = ? and channel = 'webhook'", s.tenant))
                .as("a refusal is not retried")
                .isEqualTo(1);
        assertThat(FakeEndpoints.HOOKS).noneMatch(h -> h.path().endsWith(s.marker));
    }
}
