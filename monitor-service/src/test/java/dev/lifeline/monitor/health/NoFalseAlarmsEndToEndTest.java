package dev.lifeline.monitor.health;

import dev.lifeline.events.EventTypes;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.simulator.PlatformSimulator;
import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import dev.lifeline.monitor.support.OutageTopic;
import dev.lifeline.monitor.support.TestTenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real probes (every second) against a real HTTP status server that moves through the states a vendor's status page
 * shows: operational and minor on and off, planned maintenance, then a major outage. Only the last is an outage.
 */
@QuarkusTest
class NoFalseAlarmsEndToEndTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectLocalStack
    LocalStack stack;

    private String key;

    /** A tenant platform watched as the catalogue watches one: its site and its Statuspage summary. */
    private String platform(PlatformSimulator simulator, boolean maintenanceIsOutage) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        key = TestTenants.create(dataSource, "nfa-" + suffix);
        String platform = "custom-nfa-" + suffix;
        tenant().body("{\"id\":\"" + platform + "\",\"name\":\"Shop\",\"maintenanceIsOutage\":" + maintenanceIsOutage
                        + "}")
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(201);
        for (String target : new String[] {"/health", "/api/v2/summary.json"}) {
            tenant().body("{\"type\":\"" + (target.equals("/health") ? "http" : "statuspage") + "\",\"target\":\""
                            + simulator.baseUrl() + "/platforms/" + platform + target
                            + "\",\"interval\":\"1s\",\"timeout\":\"800ms\",\"retries\":0}")
                    .post("/api/v1/tenant/platforms/{p}/probes", platform)
                    .then()
                    .statusCode(201);
        }
        return platform;
    }

    private RequestSpecification tenant() {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /** Probe results of the platform stored since {@code since} with this outcome (history is flushed every second). */
    private int results(String platform, String outcome, Instant since) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT count(*) FROM probe_result WHERE platform_id = ? AND outcome = ? AND observed_at >= ?")) {
            q.setString(1, platform);
            q.setString(2, outcome);
            q.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Instant switchTo(PlatformSimulator simulator, String platform, Mode mode) {
        return simulator.set(platform, mode, Duration.ZERO, Duration.ZERO);
    }

    private String state(String platform) {
        return tenant().get("/api/v1/tenant/status")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.platformId == '" + platform + "' }.state");
    }

    @Test
    void minorOnAndOffAndPlannedMaintenanceAreNoOutageAndAMajorOutageIs() throws Exception {
        try (PlatformSimulator simulator = PlatformSimulator.start(0);
                OutageTopic topic = new OutageTopic(stack.kafka().bootstrapServers())) {
            String platform = platform(simulator, false);
            for (int flip = 0; flip < 4; flip++) {
                Instant minor = switchTo(simulator, platform, Mode.DEGRADED);
                await().atMost(Duration.ofSeconds(20)).until(() -> results(platform, "DEGRADED", minor) >= 2);
                Instant up = switchTo(simulator, platform, Mode.UP);
                await().atMost(Duration.ofSeconds(20)).until(() -> results(platform, "OK", up) >= 4);
            }
            Instant maintenance = switchTo(simulator, platform, Mode.MAINTENANCE);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> results(platform, "FAILED", maintenance) >= 5
                            && results(platform, "MAINTENANCE", maintenance) >= 5);
            assertThat(state(platform)).isEqualTo("maintenance");
            assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED))
                    .as("minor on and off, then maintenance with the site answering 503: no outage")
                    .isEmpty();

            switchTo(simulator, platform, Mode.FIVE_XX);
            topic.await(platform, EventTypes.OUTAGE_STARTED);
            assertThat(state(platform)).isEqualTo("down");
            switchTo(simulator, platform, Mode.UP);
            topic.await(platform, EventTypes.OUTAGE_RESOLVED);
            assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED)).hasSize(1);
        }
    }

    @Test
    void maintenanceIsAnOutageWhereThePlatformsPolicySaysSo() throws Exception {
        try (PlatformSimulator simulator = PlatformSimulator.start(0);
                OutageTopic topic = new OutageTopic(stack.kafka().bootstrapServers())) {
            String platform = platform(simulator, true);
            switchTo(simulator, platform, Mode.MAINTENANCE);
            topic.await(platform, EventTypes.OUTAGE_STARTED);
            switchTo(simulator, platform, Mode.UP);
            topic.await(platform, EventTypes.OUTAGE_RESOLVED);
        }
    }
}
