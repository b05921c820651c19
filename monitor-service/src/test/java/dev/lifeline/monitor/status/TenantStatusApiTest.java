package dev.lifeline.monitor.status;

import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.monitor.support.TestTenants;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A business sees the state and outages of its own platforms, and nothing of another business's. */
@QuarkusTest
class TenantStatusApiTest {

    @Inject
    AgroalDataSource dataSource;

    private String suffix;
    private String key;
    private String otherKey;
    private String own;
    private String othersOwn;

    @BeforeEach
    void twoBusinesses() throws Exception {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        key = TestTenants.create(dataSource, "ts-" + suffix);
        otherKey = TestTenants.create(dataSource, "to-" + suffix);
        own = "custom-ts-" + suffix;
        othersOwn = "custom-to-" + suffix;
        as(key).body("{\"id\":\"" + own + "\",\"name\":\"Web shop\"}")
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(201);
        as(otherKey)
                .body("{\"id\":\"" + othersOwn + "\",\"name\":\"Other shop\"}")
                .post("/api/v1/tenant/platforms")
                .then()
                .statusCode(201);
        as(key).body("{\"platformIds\":[\"" + CatalogPlatforms.ETSY + "\"]}")
                .put("/api/v1/tenant/dependencies")
                .then()
                .statusCode(200);
    }

    private static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    private static void declare(String platform) {
        given().header("X-Admin-Key", "test-admin-key")
                .contentType(ContentType.JSON)
                .body("{\"declaredBy\":\"ops@example.com\",\"reason\":\"checkout down\",\"severity\":\"major\"}")
                .post("/api/v1/platforms/{p}/outages", platform)
                .then()
                .statusCode(201);
    }

    @Test
    void aBusinessSeesThePlatformsItDependsOnAndItsOwnAndNoOther() {
        as(key).get("/api/v1/tenant/status")
                .then()
                .statusCode(200)
                .body("platformId", contains(CatalogPlatforms.ETSY, own))
                .body("find { it.platformId == '" + own + "' }.tenantId", equalTo("ts-" + suffix));
        as(otherKey).get("/api/v1/tenant/status").then().statusCode(200).body("platformId", contains(othersOwn));
    }

    @Test
    void aBusinessSeesItsOwnPlatformsOutagesAndNotAnotherBusinesses() {
        declare(own);
        declare(othersOwn);
        as(key).get("/api/v1/tenant/status")
                .then()
                .statusCode(200)
                .body("find { it.platformId == '" + own + "' }.state", equalTo("down"))
                .body("find { it.platformId == '" + own + "' }.outage.source", equalTo("manual"));
        as(key).get("/api/v1/tenant/outages?state=open")
                .then()
                .statusCode(200)
                .body("platformId", hasItem(own))
                .body("platformId", not(hasItem(othersOwn)));
        as(otherKey).get("/api/v1/tenant/outages").then().statusCode(200).body("platformId", contains(othersOwn));
        as(otherKey)
                .get("/api/v1/tenant/outages?platformId=" + own)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("platformId"));
        as(key).get("/api/v1/tenant/outages?platformId=" + own + "&state=resolved")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void badQueriesAnswerAProblemNamingTheField() {
        for (String query : new String[] {"limit=0", "limit=501", "limit=ten"}) {
            as(key).get("/api/v1/tenant/outages?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
        }
        as(key).get("/api/v1/tenant/outages?state=sometimes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("state"));
        as(key).get("/api/v1/tenant/outages?platformId=custom-nobody-has-this")
                .then()
                .statusCode(404)
                .body("errors.field", hasItem("platformId"));
    }

    @Test
    void withoutAKeyThereIsNoTenantStatus() {
        given().get("/api/v1/tenant/status").then().statusCode(401);
        given().get("/api/v1/tenant/outages").then().statusCode(401);
        given().header("Authorization", "Bearer ll_not-a-key")
                .get("/api/v1/tenant/outages")
                .then()
                .statusCode(401);
    }
}
