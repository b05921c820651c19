package dev.lifeline.monitor.status;

import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.monitor.health.HealthMonitor;
import dev.lifeline.monitor.health.ProbeOutcome;
import dev.lifeline.monitor.probe.ProbeHistory;
import dev.lifeline.monitor.probe.ProbeKind;
import dev.lifeline.monitor.probe.ProbeResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class StatusPagesTest {

    @Inject
    ProbeHistory history;

    @Test
    void theStatusPageShowsEveryPlatformAndAnOutageFirst() {
        given().header("X-Admin-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body("{\"declaredBy\":\"ops@example.com\",\"reason\":\"Checkout failing\",\"severity\":\"critical\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages", CatalogPlatforms.SHOPIFY)
                .then()
                .statusCode(201);
        String html = given().when()
                .get("/status")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("platform(s) down"))
                .body(containsString("Checkout failing"))
                .extract()
                .asString();
        assertThat(html).contains("Instagram", "TikTok", "Google Business Profile");
        assertThat(html.indexOf("Shopify")).isLessThan(html.indexOf("TikTok"));
    }

    @Test
    void outageHistoryShowsDurations() {
        String platform = CatalogPlatforms.TIKTOK;
        given().header("X-Admin-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body("{\"declaredBy\":\"ops@example.com\",\"reason\":\"Videos not loading\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(201);
        given().header("X-Admin-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body("{\"resolvedBy\":\"ops\"}")
                .when()
                .post("/api/v1/platforms/{p}/outages/current/resolve", platform)
                .then()
                .statusCode(200);
        given().when()
                .get("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(200)
                .body("[0].open", equalTo(false))
                .body("[0].severity", equalTo("major"))
                .body("[0].durationSeconds", greaterThanOrEqualTo(0));
    }

    @Test
    void recentProbeResultsAreKept() {
        String platform = CatalogPlatforms.ETSY;
        history.record(new ProbeResult(
                "etsy-statuspage",
                platform,
                ProbeKind.STATUSPAGE,
                ProbeOutcome.DEGRADED,
                null,
                42L,
                "indicator minor",
                Instant.now(),
                1));
        history.flushNow();
        given().when()
                .get("/api/v1/platforms/{p}/probe-results", platform)
                .then()
                .statusCode(200)
                .body("detail", hasItem("indicator minor"))
                .body("kind", hasItem("statuspage"));
    }

    @Test
    void probeHistoryOlderThanTheRetentionIsPruned() {
        String platform = CatalogPlatforms.YOUTUBE;
        history.record(new ProbeResult(
                "youtube-old",
                platform,
                ProbeKind.HTTP,
                ProbeOutcome.OK,
                null,
                5L,
                "HTTP 200",
                Instant.now().minus(Duration.ofDays(8)),
                1));
        history.flushNow();
        history.pruneNow();
        given().when()
                .get("/api/v1/platforms/{p}/probe-results", platform)
                .then()
                .statusCode(200)
                .body("probeId", Matchers.not(hasItem("youtube-old")));
    }

    @Test
    void historyOfAnUnknownPlatformOrABadLimitIsAProblem() {
        given().when()
                .get("/api/v1/platforms/{p}/outages", "myspace")
                .then()
                .statusCode(404)
                .body("errors.field", hasItem("platformId"));
        given().when()
                .get("/api/v1/platforms/{p}/probe-results?limit=0", CatalogPlatforms.X)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Inject
    HealthMonitor monitor;

    /** The management interface's root as the test run bound it, {@code http://localhost:port/q}. */
    private final String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);

    @Test
    void operationsEndpointsAnswer() {
        monitor.accept(new ProbeResult(
                "metrics-probe",
                "custom-metrics-only",
                ProbeKind.HTTP,
                ProbeOutcome.FAILED,
                null,
                7L,
                "HTTP 503",
                Instant.now(),
                1));
        given().when().get(management + "/health/ready").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/platforms/{platformId}/outages"));
        given().when()
                .get(management + "/metrics")
                .then()
                .statusCode(200)
                .body(containsString("lifeline_outbox_pending"))
                .body(containsString("lifeline_probe_latency_seconds_bucket"))
                .body(containsString(
                        "lifeline_probe_failures_total{outcome=\"failed\",platform=\"custom-metrics-only\"}"))
                .body(containsString("lifeline_platform_state{platform=\"custom-metrics-only\"} 1.0"));
    }
}
