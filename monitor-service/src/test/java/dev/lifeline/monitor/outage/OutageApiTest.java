package dev.lifeline.monitor.outage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.monitor.support.Contracts;
import dev.lifeline.monitor.support.OutageTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OutageApiTest {

    private static final String ADMIN = "test-admin-key";

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

    private static String declareBody(String severity) {
        return "{\"declaredBy\":\"ops@example.com\",\"reason\":\"Instagram feed not loading\",\"severity\":\""
                + severity + "\"}";
    }

    @Test
    void declaringAnOutagePublishesOutageStartedKeyedByPlatform() throws Exception {
        String platform = CatalogPlatforms.INSTAGRAM;
        String id = given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body(declareBody("major"))
                .when()
                .post("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(201)
                .body("platformId", equalTo(platform))
                .body("source", equalTo("manual"))
                .body("severity", equalTo("major"))
                .body("declaredBy", equalTo("ops@example.com"))
                .body("startedAt", notNullValue())
                .extract()
                .path("id");

        ConsumerRecord<String, String> record = topic.await(platform, EventTypes.OUTAGE_STARTED);
        JsonNode data = EventCodec.mapper().readTree(record.value());
        assertThat(data.path("outageId").asText()).isEqualTo(id);
        assertThat(data.path("source").asText()).isEqualTo("manual");
        assertThat(data.path("severity").asText()).isEqualTo("major");
        assertThat(data.path("reason").asText()).isEqualTo("Instagram feed not loading");
        assertThat(OutageTopic.header(record, "ce_source")).isEqualTo("/lifeline/monitor-service");
        assertThat(Contracts.violations(EventTypes.OUTAGE_STARTED, record.value()))
                .isEmpty();

        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body(declareBody("critical"))
                .when()
                .post("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("platformId"));
    }

    @Test
    void resolvingPublishesOutageResolvedAndThenThereIsNothingToResolve() throws Exception {
        String platform = CatalogPlatforms.FACEBOOK;
        String id = given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body(declareBody("minor"))
                .when()
                .post("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"resolvedBy\":\"ops@example.com\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages/current/resolve", platform)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("resolvedBy", equalTo("ops@example.com"))
                .body("resolvedAt", notNullValue());

        String resolved = topic.await(platform, EventTypes.OUTAGE_RESOLVED).value();
        assertThat(Contracts.violations(EventTypes.OUTAGE_RESOLVED, resolved)).isEmpty();
        JsonNode data = EventCodec.mapper().readTree(resolved);
        assertThat(data.path("outageId").asText()).isEqualTo(id);
        assertThat(data.path("resolvedBy").asText()).isEqualTo("ops@example.com");

        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"resolvedBy\":\"ops@example.com\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages/current/resolve", platform)
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("platformId"));
    }

    @Test
    void unknownPlatformIsNotFound() {
        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body(declareBody("major"))
                .when()
                .post("/api/v1/platforms/{p}/outages", "myspace")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("platformId"));
        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"resolvedBy\":\"x\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages/current/resolve", "myspace")
                .then()
                .statusCode(404);
    }

    @Test
    void withoutTheAdminKeyNothingIsDeclared() {
        given().contentType(ContentType.JSON)
                .body(declareBody("major"))
                .when()
                .post("/api/v1/platforms/{p}/outages", CatalogPlatforms.TIKTOK)
                .then()
                .statusCode(401);
        given().header("X-Admin-Key", "wrong")
                .contentType(ContentType.JSON)
                .body(declareBody("major"))
                .when()
                .post("/api/v1/platforms/{p}/outages", CatalogPlatforms.TIKTOK)
                .then()
                .statusCode(401);
        assertThat(topic.matching(CatalogPlatforms.TIKTOK, EventTypes.OUTAGE_STARTED))
                .isEmpty();
    }

    @Test
    void aDeclarationWithoutDeclarerIsRefusedWithTheField() {
        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"down\",\"severity\":\"major\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages", CatalogPlatforms.YOUTUBE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("declaredBy"));
    }

    @Test
    void anUnknownSeverityIsRefusedWithTheField() {
        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body(declareBody("apocalyptic"))
                .when()
                .post("/api/v1/platforms/{p}/outages", CatalogPlatforms.YOUTUBE)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("severity"));
    }

    @Test
    void resolvingWithoutResolverIsRefused() {
        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/platforms/{p}/outages/current/resolve", CatalogPlatforms.ETSY)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("resolvedBy"));
    }

    @Test
    void statusListsEveryCataloguePlatformAndShowsAManualOutage() {
        given().header("X-Admin-Key", ADMIN)
                .contentType(ContentType.JSON)
                .body(declareBody("critical"))
                .when()
                .post("/api/v1/platforms/{p}/outages", CatalogPlatforms.WHATSAPP)
                .then()
                .statusCode(201);

        var status = given().when()
                .get("/api/v1/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getList("platformId", String.class)).containsAll(CatalogPlatforms.IDS);
        int whatsapp = status.getList("platformId", String.class).indexOf(CatalogPlatforms.WHATSAPP);
        assertThat(status.getString("[" + whatsapp + "].state")).isEqualTo("down");
        assertThat(status.getString("[" + whatsapp + "].outage.source")).isEqualTo("manual");
        assertThat(status.getString("[" + whatsapp + "].outage.severity")).isEqualTo("critical");
    }
}
