package dev.lifeline.outreach.ops;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OperationsTest {

    /** The management interface's root as the test run bound it, {@code http://localhost:port/q}. */
    private final String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);

    @Test
    void readinessCoversDatabaseBrokerAndSmtp() {
        given().get(management + "/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItems("smtp"))
                .body(containsString("Database connections health check"))
                .body(containsString("SmallRye Reactive Messaging"));
    }

    @Test
    void prometheusShowsOutreachMetricsAndOpenApiDescribesTheApi() {
        given().get(management + "/metrics")
                .then()
                .statusCode(200)
                .body(containsString("lifeline_outreach_queue_depth"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/campaigns"))
                .body(containsString("/api/v1/runs/{id}"));
    }
}
