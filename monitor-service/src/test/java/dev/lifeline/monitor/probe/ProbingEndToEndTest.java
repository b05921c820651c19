package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.simulator.PlatformSimulator;
import dev.lifeline.localstack.simulator.SimulatedHealth.Mode;
import dev.lifeline.monitor.support.Contracts;
import dev.lifeline.monitor.support.OutageTopic;
import dev.lifeline.monitor.support.TestTenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path with real probes: a tenant's probe against a simulator this test starts, the scheduler, the state
 * machine, the outbox and the broker — and the SSE stream a status screen would follow.
 */
@QuarkusTest
class ProbingEndToEndTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectLocalStack
    LocalStack stack;

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/status/stream")
    URI streamUri;

    @Test
    void aSimulatedOutageIsDetectedPublishedStreamedAndResolved() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantId = "e2e-" + suffix;
        String key = TestTenants.create(dataSource, tenantId);
        String platform = "custom-e2e-" + suffix;
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(
                        HttpRequest.newBuilder(streamUri)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(streamed::add));

        try (PlatformSimulator simulator = PlatformSimulator.start(0);
                OutageTopic topic = new OutageTopic(stack.kafka().bootstrapServers())) {
            given().header("X-Api-Key", key)
                    .contentType(ContentType.JSON)
                    .body("{\"id\":\"" + platform + "\",\"name\":\"E2E shop\"}")
                    .when()
                    .post("/api/v1/tenant/platforms")
                    .then()
                    .statusCode(201);
            String probeId = given().header("X-Api-Key", key)
                    .contentType(ContentType.JSON)
                    .body("{\"type\":\"http\",\"target\":\"" + simulator.baseUrl() + "/platforms/" + platform
                            + "/health\",\"interval\":\"1s\",\"timeout\":\"500ms\",\"retries\":0}")
                    .when()
                    .post("/api/v1/tenant/platforms/{p}/probes", platform)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            simulator.set(platform, Mode.FIVE_XX, Duration.ZERO, Duration.ZERO);
            ConsumerRecord<String, String> started = topic.await(platform, EventTypes.OUTAGE_STARTED);
            assertThat(Contracts.violations(EventTypes.OUTAGE_STARTED, started.value()))
                    .isEmpty();
            JsonNode data = EventCodec.mapper().readTree(started.value());
            assertThat(data.path("source").asText()).isEqualTo("probe");
            assertThat(data.path("tenantId").asText()).isEqualTo(tenantId);
            assertThat(data.path("evidence").get(0).path("probeId").asText()).isEqualTo(probeId);
            assertThat(data.path("evidence").get(0).path("detail").asText()).isEqualTo("HTTP 503");

            simulator.set(platform, Mode.UP, Duration.ZERO, Duration.ZERO);
            ConsumerRecord<String, String> resolved = topic.await(platform, EventTypes.OUTAGE_RESOLVED);
            assertThat(EventCodec.mapper()
                            .readTree(resolved.value())
                            .path("outageId")
                            .asText())
                    .isEqualTo(data.path("outageId").asText());
            assertThat(topic.matching(platform, EventTypes.OUTAGE_STARTED)).hasSize(1);

            // The public stream carries catalogue platforms only; a person's outage on YouTube shows there.
            String youtube = CatalogPlatforms.YOUTUBE;
            given().header("X-Admin-Key", "test-admin-key")
                    .contentType(ContentType.JSON)
                    .body("{\"declaredBy\":\"ops@example.com\",\"reason\":\"uploads failing\"}")
                    .when()
                    .post("/api/v1/platforms/{p}/outages", youtube)
                    .then()
                    .statusCode(201);
            given().header("X-Admin-Key", "test-admin-key")
                    .contentType(ContentType.JSON)
                    .body("{\"resolvedBy\":\"ops@example.com\"}")
                    .when()
                    .post("/api/v1/platforms/{p}/outages/current/resolve", youtube)
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> streamed.stream()
                            .anyMatch(line -> line.contains("outage.resolved") && line.contains(youtube)));
            assertThat(streamed).anyMatch(line -> line.contains("outage.started") && line.contains(youtube));
            assertThat(streamed).noneMatch(line -> line.contains(platform));

            given().header("X-Api-Key", key)
                    .when()
                    .delete("/api/v1/tenant/platforms/{p}/probes/{id}", platform, probeId)
                    .then()
                    .statusCode(204);
        } finally {
            stream.cancel(true);
        }
    }
}
