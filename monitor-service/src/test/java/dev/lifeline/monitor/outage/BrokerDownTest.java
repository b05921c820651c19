package dev.lifeline.monitor.outage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.monitor.support.OutageTopic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** An outage declared while Kafka is down still reaches the topic once it is back: the outbox holds it. */
@QuarkusTest
class BrokerDownTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeclarationDuringABrokerOutageIsPublishedAfterIt() throws Exception {
        String platform = "custom-down-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO platform (id, tenant_id, name) VALUES (?, 'tenant-down', 'Shop')")) {
            insert.setString(1, platform);
            insert.executeUpdate();
        }
        String id;
        stack.kafka().stop();
        try {
            id = given().header("X-Admin-Key", "test-admin-key")
                    .contentType(ContentType.JSON)
                    .body("{\"declaredBy\":\"ops@example.com\",\"reason\":\"checkout down\",\"severity\":\"critical\"}")
                    .when()
                    .post("/api/v1/platforms/{p}/outages", platform)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        } finally {
            stack.kafka().restart();
        }
        try (OutageTopic topic = new OutageTopic(stack.kafka().bootstrapServers())) {
            JsonNode data = EventCodec.mapper()
                    .readTree(topic.await(platform, EventTypes.OUTAGE_STARTED).value());
            assertThat(data.path("outageId").asText()).isEqualTo(id);
            assertThat(data.path("tenantId").asText()).isEqualTo("tenant-down");
        }
    }
}
