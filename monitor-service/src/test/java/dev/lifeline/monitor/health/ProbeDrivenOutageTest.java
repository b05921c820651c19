package dev.lifeline.monitor.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.monitor.probe.ProbeKind;
import dev.lifeline.monitor.probe.ProbeResult;
import dev.lifeline.monitor.support.Contracts;
import dev.lifeline.monitor.support.OutageTopic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Probe verdicts in, outage events out: the path from the state machine to the public topic. */
@QuarkusTest
class ProbeDrivenOutageTest {

    @Inject
    HealthMonitor monitor;

    @InjectLocalStack
    LocalStack stack;

    private OutageTopic topic;

    @BeforeEach
    void subscribe() {
        topic = new OutageTopic(stack.kafka().bootstrapServers());
    }

    @AfterEach
    void unsubscribe() {
        topic.close();
    }

    private void feed(String platform, ProbeOutcome outcome, int times) {
        for (int i = 0; i < times; i++) {
            monitor.accept(new ProbeResult(
                    platform + "-http",
                    platform,
                    ProbeKind.HTTP,
                    outcome,
                    null,
                    12L,
                    outcome == ProbeOutcome.OK ? "HTTP 200" : "HTTP 503",
                    Instant.now(),
                    1));
        }
    }

    private static Map<String, Object> status(String platform) {
        List<Map<String, Object>> all = given().when()
                .get("/api/v1/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return all.stream()
                .filter(m -> platform.equals(m.get("platformId")))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String outageSource(String platform) {
        Object outage = status(platform).get("outage");
        return outage == null ? null : (String) ((Map<String, Object>) outage).get("source");
    }

    @Test
    void threeFailuresStartAProbeOutageWithEvidenceAndRecoveryResolvesIt() throws Exception {
        String platform = CatalogPlatforms.X;
        feed(platform, ProbeOutcome.OK, 2);
        feed(platform, ProbeOutcome.FAILED, 2);
        assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED))
                .as("two failures are below the threshold")
                .isEmpty();
        feed(platform, ProbeOutcome.FAILED, 1);

        JsonNode started = EventCodec.mapper()
                .readTree(topic.await(platform, EventTypes.OUTAGE_STARTED).value());
        assertThat(started.path("source").asText()).isEqualTo("probe");
        assertThat(started.path("evidence").get(0).path("detail").asText()).isEqualTo("HTTP 503");
        assertThat(started.path("evidence").get(0).path("healthy").asBoolean()).isFalse();
        assertThat(status(platform).get("state")).isEqualTo("down");

        feed(platform, ProbeOutcome.OK, 20);
        JsonNode resolved = EventCodec.mapper()
                .readTree(topic.await(platform, EventTypes.OUTAGE_RESOLVED).value());
        assertThat(resolved.path("outageId").asText())
                .isEqualTo(started.path("outageId").asText());
        assertThat(resolved.path("source").asText()).isEqualTo("probe");
        assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED)).hasSize(1);
    }

    @Inject
    AgroalDataSource dataSource;

    /** A tenant's platform of this test alone: other test classes share the catalogue platforms. */
    private String ownPlatform() throws Exception {
        String id = "custom-sev-" + UUID.randomUUID().toString().substring(0, 8);
        try (var c = dataSource.getConnection();
                var insert = c.prepareStatement(
                        "INSERT INTO platform (id, tenant_id, name) VALUES (?, 'tenant-sev', 'Severity shop')")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private void feed(String platform, Severity severity, String detail) {
        monitor.accept(new ProbeResult(
                platform + "-statuspage",
                platform,
                ProbeKind.STATUSPAGE,
                ProbeOutcome.FAILED,
                severity,
                30L,
                detail,
                Instant.now(),
                1));
    }

    @Test
    void aWorseSeverityIsPublishedAsOutageUpdated() throws Exception {
        String platform = ownPlatform();
        for (int i = 0; i < 3; i++) {
            feed(platform, Severity.MAJOR, "indicator major");
        }
        JsonNode started = EventCodec.mapper()
                .readTree(topic.await(platform, EventTypes.OUTAGE_STARTED).value());
        assertThat(started.path("severity").asText()).isEqualTo("major");
        assertThat(started.path("tenantId").asText()).isEqualTo("tenant-sev");

        feed(platform, Severity.MAJOR, "indicator major");
        feed(platform, Severity.CRITICAL, "indicator critical");
        String updated = topic.await(platform, EventTypes.OUTAGE_UPDATED).value();
        assertThat(Contracts.violations(EventTypes.OUTAGE_UPDATED, updated)).isEmpty();
        JsonNode data = EventCodec.mapper().readTree(updated);
        assertThat(data.path("severity").asText()).isEqualTo("critical");
        assertThat(data.path("outageId").asText())
                .isEqualTo(started.path("outageId").asText());
        assertThat(data.path("evidence").get(0).path("detail").asText()).isEqualTo("indicator critical");
        assertThat(topic.matching(platform, EventTypes.OUTAGE_UPDATED))
                .as("the same verdict again is no news")
                .hasSize(1);
    }

    @Test
    void aPersonsOutageWinsOverTheProbesUntilAPersonResolvesIt() {
        String platform = CatalogPlatforms.MESSENGER;
        given().header("X-Admin-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body("{\"declaredBy\":\"ops@example.com\",\"reason\":\"DMs not delivered\",\"severity\":\"major\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(201);
        feed(platform, ProbeOutcome.FAILED, 3);
        feed(platform, ProbeOutcome.OK, 20);
        topic.await(platform, EventTypes.OUTAGE_STARTED);
        assertThat(topic.matching(platform, EventTypes.OUTAGE_RESOLVED))
                .as("probes recovering do not close a person's outage")
                .isEmpty();
        assertThat(outageSource(platform)).isEqualTo("manual");
        given().header("X-Admin-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body("{\"resolvedBy\":\"ops@example.com\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages/current/resolve", platform)
                .then()
                .statusCode(200)
                .body("source", equalTo("manual"));
        topic.await(platform, EventTypes.OUTAGE_RESOLVED);
        assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED)).hasSize(1);
    }

    @Test
    void aFlappingPlatformProducesOneIncident() {
        String platform = CatalogPlatforms.GOOGLE_BUSINESS_PROFILE;
        for (int cycle = 0; cycle < 8; cycle++) {
            feed(platform, ProbeOutcome.FAILED, 3);
            feed(platform, ProbeOutcome.OK, 3);
        }
        topic.await(platform, EventTypes.OUTAGE_STARTED);
        assertThat(topic.matching(platform, EventTypes.OUTAGE_RESOLVED)).isEmpty();
        assertThat(outageSource(platform))
                .as("the one incident stays open while it flaps")
                .isEqualTo("probe");
        assertThat(monitor.health(platform).orElseThrow().flapping()).isTrue();
        assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED)).hasSize(1);
    }
}
