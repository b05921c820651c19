package dev.lifeline.contact.ops;

import dev.lifeline.contact.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OperationsTest {

    /** The management interface's root as the test run bound it, {@code http://localhost:port/q}. */
    private final String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);

    @Test
    void readinessCoversTheDatabaseAndTheBroker() throws InterruptedException {
        // Another test stops and restarts the broker; readiness may take a moment to recover from that.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (RestAssured.get(management + "/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        RestAssured.get(management + "/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems("Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void metricsCountUpsertsAndShowOutboxLag() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .body(Map.of("email", "metrics@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        RestAssured.get(management + "/metrics")
                .then()
                .statusCode(200)
                .body(containsString("lifeline_contacts_upserts_total{"))
                .body(containsString("lifeline_outbox_oldest_pending_seconds"))
                .body(containsString("lifeline_outbox_pending"))
                .body(not(containsString("metrics@example.com")));
    }

    @Test
    void healthAndMetricsAreNotServedOnTheApiPort() {
        RestAssured.get(management + "/health/live").then().statusCode(200);
        RestAssured.get("/q/health/live").then().statusCode(404);
        RestAssured.get("/q/health").then().statusCode(404);
        RestAssured.get("/q/metrics").then().statusCode(404);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/contacts"))
                .body("paths", hasKey("/api/v1/admin/tenants"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void resendingAConfirmationIsRateLimited() {
        Api.TenantKey tenant = Api.newTenant("double", "DE");
        RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("email", "resend-" + Api.unique() + "@example.com", "emailConsent", "yes"))
                .post("/f/" + tenant.slug())
                .then()
                .statusCode(200);
        String id = tenant.as().get("/api/v1/contacts").then().extract().path("items[0].id");
        tenant.as()
                .post("/api/v1/contacts/" + id + "/resend-confirmation")
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("300"));
        Api.newTenant()
                .as()
                .post("/api/v1/contacts/" + id + "/resend-confirmation")
                .then()
                .statusCode(404);
        String confirmed = tenant.as()
                .body(Map.of("email", "done@example.com", "consents", Map.of("email", true)))
                .post("/api/v1/contacts")
                .then()
                .extract()
                .path("id");
        tenant.as()
                .post("/api/v1/contacts/" + confirmed + "/resend-confirmation")
                .then()
                .statusCode(409);
    }
}
