package dev.lifeline.monitor.catalog;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.events.tenant.DependenciesChanged;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.monitor.support.OutageTopic;
import dev.lifeline.monitor.support.TestTenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TenantApiTest {

    @Inject
    AgroalDataSource dataSource;

    @InjectLocalStack
    LocalStack stack;

    private String key;
    private String otherKey;
    private String suffix;

    @BeforeEach
    void tenants() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = tenant("t-" + suffix);
        otherKey = tenant("o-" + suffix);
    }

    private String tenant(String tenantId) throws Exception {
        return TestTenants.create(dataSource, tenantId);
    }

    private RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    private String createPlatform() {
        String id = "custom-shop-" + suffix;
        as(key).body("{\"id\":\"" + id + "\",\"name\":\"My shop\"}")
                .when()
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("tenantId", equalTo("t-" + suffix));
        return id;
    }

    @Test
    void aTenantDefinesAPlatformAndAProbeThatOnlyItSees() {
        String platform = createPlatform();
        as(key).body("{\"type\":\"http\",\"target\":\"http://localhost:1/health\",\"interval\":\"30s\","
                        + "\"jsonPointer\":\"/status\",\"expectedValue\":\"ok\"}")
                .when()
                .post("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(201)
                .body("type", equalTo("http"))
                .body("interval", equalTo("PT30S"));
        as(key).when()
                .get("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(200)
                .body("target", contains("http://localhost:1/health"));
        as(key).when()
                .get("/api/v1/tenant/platforms")
                .then()
                .statusCode(200)
                .body("id", hasItem(platform))
                .body("id", hasItem(CatalogPlatforms.SHOPIFY));

        as(otherKey).when().get("/api/v1/tenant/platforms").then().body("id", not(hasItem(platform)));
        as(otherKey)
                .when()
                .get("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(404);
        as(otherKey)
                .body("{\"type\":\"dns\",\"target\":\"example.com\"}")
                .when()
                .post("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(404);
    }

    @Test
    void withoutAKeyThereIsNothing() {
        given().when().get("/api/v1/tenant/platforms").then().statusCode(401);
    }

    @Test
    void aBadPlatformIdIsRefused() {
        as(key).body("{\"id\":\"My Shop!\",\"name\":\"x\"}")
                .when()
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("id"));
        as(key).body("{\"id\":\"instagram\",\"name\":\"x\"}")
                .when()
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void aTakenPlatformIdConflicts() {
        String platform = createPlatform();
        as(otherKey)
                .body("{\"id\":\"" + platform + "\",\"name\":\"x\"}")
                .when()
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("id"));
    }

    private void badProbe(String platform, String body, String field) {
        as(key).body(body)
                .when()
                .post("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void invalidProbeDefinitionsNameTheField() {
        String platform = createPlatform();
        badProbe(platform, "{\"type\":\"http\",\"target\":\"not a url\"}", "target");
        badProbe(platform, "{\"type\":\"http\",\"target\":\"ftp://example.com/\"}", "target");
        badProbe(platform, "{\"type\":\"http\",\"target\":\"http://example.com/\",\"interval\":\"500ms\"}", "interval");
        badProbe(platform, "{\"type\":\"smoke-signal\",\"target\":\"http://example.com/\"}", "type");
        badProbe(
                platform,
                "{\"type\":\"http\",\"target\":\"http://example.com/\",\"jsonPointer\":\"status\"}",
                "jsonPointer");
        badProbe(
                platform,
                "{\"type\":\"http\",\"target\":\"http://example.com/\",\"jsonPointer\":\"/a~2b\"}",
                "jsonPointer");
        badProbe(platform, "{\"type\":\"tcp\",\"target\":\"example.com\"}", "target");
        badProbe(platform, "{\"type\":\"dns\",\"target\":\"exa mple.com\"}", "target");
        badProbe(platform, "{\"type\":\"http\",\"target\":\"http://example.com/\",\"timeout\":\"soon\"}", "timeout");
        badProbe(platform, "{\"type\":\"http\",\"target\":\"http://example.com/\",\"retries\":9}", "retries");
        as(key).when()
                .get("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .body("$", empty());
    }

    @Test
    void dependenciesAreReplacedAndChecked() {
        String platform = createPlatform();
        as(key).body("{\"platformIds\":[\"instagram\",\"" + platform + "\"]}")
                .when()
                .put("/api/v1/tenant/dependencies")
                .then()
                .statusCode(200)
                .body("$", containsInAnyOrder("instagram", platform));
        as(key).body("{\"platformIds\":[\"instagram\",\"myspace\"]}")
                .when()
                .put("/api/v1/tenant/dependencies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("platformIds[1]"));
        as(otherKey)
                .body("{\"platformIds\":[\"" + platform + "\"]}")
                .when()
                .put("/api/v1/tenant/dependencies")
                .then()
                .statusCode(400);
        as(key).when().get("/api/v1/tenant/dependencies").then().body("$", containsInAnyOrder("instagram", platform));
        as(otherKey).when().get("/api/v1/tenant/dependencies").then().body("$", empty());
    }

    @Test
    void outreachHearsTheWholeNewListOfDependenciesEachTimeItChanges() throws Exception {
        String platform = createPlatform();
        try (OutageTopic topic = new OutageTopic(stack.kafka().bootstrapServers(), Topics.TENANT_DEPENDENCIES)) {
            as(key).body("{\"platformIds\":[\"instagram\",\"" + platform + "\",\"instagram\"]}")
                    .when()
                    .put("/api/v1/tenant/dependencies")
                    .then()
                    .statusCode(200);
            DependenciesChanged first = (DependenciesChanged) EventCodec.decode(
                    EventTypes.TENANT_DEPENDENCIES_CHANGED,
                    topic.await("t-" + suffix, EventTypes.TENANT_DEPENDENCIES_CHANGED)
                            .value());
            assertThat(first.platformIds()).containsExactlyInAnyOrder("instagram", platform);

            as(key).body("{\"platformIds\":[]}")
                    .when()
                    .put("/api/v1/tenant/dependencies")
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.matching("t-" + suffix, EventTypes.TENANT_DEPENDENCIES_CHANGED)
                                    .size()
                            == 2);
            String latest = topic.matching("t-" + suffix, EventTypes.TENANT_DEPENDENCIES_CHANGED)
                    .get(1)
                    .value();
            assertThat(((DependenciesChanged) EventCodec.decode(EventTypes.TENANT_DEPENDENCIES_CHANGED, latest))
                            .platformIds())
                    .isEmpty();

            // A refused list changes nothing and tells nobody.
            as(key).body("{\"platformIds\":[\"myspace\"]}")
                    .when()
                    .put("/api/v1/tenant/dependencies")
                    .then()
                    .statusCode(400);
            as(otherKey)
                    .body("{\"platformIds\":[\"instagram\"]}")
                    .when()
                    .put("/api/v1/tenant/dependencies")
                    .then()
                    .statusCode(200);
            topic.await("o-" + suffix, EventTypes.TENANT_DEPENDENCIES_CHANGED);
            assertThat(topic.matching("t-" + suffix, EventTypes.TENANT_DEPENDENCIES_CHANGED))
                    .hasSize(2);
        }
    }

    @Test
    void aProbeCanBeRemoved() {
        String platform = createPlatform();
        String probeId = as(key).body("{\"type\":\"dns\",\"target\":\"localhost\"}")
                .when()
                .post("/api/v1/tenant/platforms/{p}/probes", platform)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(otherKey)
                .when()
                .delete("/api/v1/tenant/platforms/{p}/probes/{id}", platform, probeId)
                .then()
                .statusCode(404);
        as(key).when()
                .delete("/api/v1/tenant/platforms/{p}/probes/{id}", platform, probeId)
                .then()
                .statusCode(204);
        as(key).when()
                .delete("/api/v1/tenant/platforms/{p}/probes/{id}", platform, probeId)
                .then()
                .statusCode(404);
    }
}
