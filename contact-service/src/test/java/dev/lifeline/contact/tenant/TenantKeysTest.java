package dev.lifeline.contact.tenant;

import dev.lifeline.contact.support.Api;
import dev.lifeline.kit.tenant.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** A business issues and revokes its own keys; a missing key is a 401, a key without the right a 403. */
@QuarkusTest
class TenantKeysTest {

    private static final List<String[]> MANAGEMENT = List.of(
            new String[] {"GET", "/api/v1/tenant"},
            new String[] {"PATCH", "/api/v1/tenant"},
            new String[] {"DELETE", "/api/v1/tenant"},
            new String[] {"GET", "/api/v1/tenant/consent-texts"},
            new String[] {"GET", "/api/v1/tenant/keys"},
            new String[] {"POST", "/api/v1/tenant/keys"},
            new String[] {"DELETE", "/api/v1/tenant/keys/00000000-0000-0000-0000-000000000000"});

    private static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void aNewKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        Api.TenantKey tenant = Api.newTenant();
        Response issued = tenant.as().body(Map.of("scope", "admin")).post("/api/v1/tenant/keys");
        issued.then()
                .statusCode(201)
                .body("apiKey", startsWith("ll_"))
                .body("scope", equalTo("admin"))
                .body("tenantId", equalTo(tenant.tenantId()));
        String key = issued.path("apiKey");
        String keyId = issued.path("id");
        tenant.as()
                .get("/api/v1/tenant/keys")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("id", hasItem(keyId))
                .body("apiKey", everyItem(nullValue()))
                .body("prefix", hasItem(key.substring(0, 8)));
        as(key).get("/api/v1/tenant").then().statusCode(200).body("id", equalTo(tenant.tenantId()));

        tenant.as().delete("/api/v1/tenant/keys/" + keyId).then().statusCode(204);
        as(key).get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
        tenant.as()
                .get("/api/v1/tenant/keys")
                .then()
                .body("find { it.id == '" + keyId + "' }.revokedAt", not(nullValue()));
        // Revoking again changes nothing.
        tenant.as().delete("/api/v1/tenant/keys/" + keyId).then().statusCode(204);
    }

    @Test
    void theLastLiveAdminKeyCannotBeRevoked() {
        Api.TenantKey tenant = Api.newTenant();
        String standardId = tenant.as()
                .post("/api/v1/tenant/keys")
                .then()
                .statusCode(201)
                .body("scope", equalTo("standard"))
                .extract()
                .path("id");
        tenant.as()
                .delete("/api/v1/tenant/keys/" + tenant.keyId())
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        tenant.as().get("/api/v1/contacts").then().statusCode(200);
        // Once there is a second admin key, the first one can go.
        String second = tenant.as()
                .body(Map.of("scope", "admin"))
                .post("/api/v1/tenant/keys")
                .then()
                .extract()
                .path("apiKey");
        tenant.as().delete("/api/v1/tenant/keys/" + tenant.keyId()).then().statusCode(204);
        as(second).delete("/api/v1/tenant/keys/" + standardId).then().statusCode(204);
        String secondId =
                as(second).get("/api/v1/tenant/keys").then().extract().path("find { it.revokedAt == null }.id");
        as(second).delete("/api/v1/tenant/keys/" + secondId).then().statusCode(409);
        as(second).get("/api/v1/tenant").then().statusCode(200);
    }

    @Test
    void aMissingOrUnknownKeyIs401AndAKeyWithoutTheRightIs403() {
        Api.TenantKey tenant = Api.newTenant();
        String standard = tenant.as()
                .body(Map.of("scope", "standard"))
                .post("/api/v1/tenant/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey");
        String unknown = ApiKeys.generate();
        for (String[] endpoint : MANAGEMENT) {
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .request(endpoint[0], endpoint[1])
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            as(unknown).body("{}").request(endpoint[0], endpoint[1]).then().statusCode(401);
            as("not-a-key").body("{}").request(endpoint[0], endpoint[1]).then().statusCode(401);
            as(standard)
                    .body(Map.of("confirm", tenant.slug()))
                    .request(endpoint[0], endpoint[1])
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            // The operator's key is not a tenant key.
            RestAssured.given()
                    .header("X-Admin-Key", Api.ADMIN_KEY)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .request(endpoint[0], endpoint[1])
                    .then()
                    .statusCode(401);
        }
        // The standard key still does the everyday work, and nothing was changed by the refused calls.
        as(standard).get("/api/v1/contacts").then().statusCode(200);
        as(standard)
                .body(Map.of("email", "x-" + Api.unique() + "@example.com", "consents", Map.of("email", true)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        tenant.as().get("/api/v1/tenant").then().statusCode(200);
        tenant.as().get("/api/v1/tenant/keys").then().body("", hasSize(2));
    }

    @Test
    void badKeyRequestsNameTheField() {
        Api.TenantKey tenant = Api.newTenant();
        tenant.as()
                .body(Map.of("scope", "root"))
                .post("/api/v1/tenant/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("scope"));
        tenant.as()
                .body(Map.of("scope", 7))
                .post("/api/v1/tenant/keys")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("scope"));
        tenant.as()
                .body(Map.of("tenantId", "x"))
                .post("/api/v1/tenant/keys")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tenantId"));
        tenant.as()
                .delete("/api/v1/tenant/keys/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        tenant.as()
                .delete("/api/v1/tenant/keys/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
        tenant.as().get("/api/v1/tenant/keys").then().body("", hasSize(1));
    }

    @Test
    void oneTenantCanNeitherSeeNorRevokeAnothersKeys() {
        Api.TenantKey ada = Api.newTenant();
        Api.TenantKey bob = Api.newTenant();
        String bobSecond = bob.as()
                .body(Map.of("scope", "admin"))
                .post("/api/v1/tenant/keys")
                .then()
                .extract()
                .path("id");
        ada.as().delete("/api/v1/tenant/keys/" + bob.keyId()).then().statusCode(404);
        ada.as().delete("/api/v1/tenant/keys/" + bobSecond).then().statusCode(404);
        ada.as().get("/api/v1/tenant/keys").then().body("id", equalTo(List.of(ada.keyId())));
        bob.as()
                .get("/api/v1/tenant/keys")
                .then()
                .body("revokedAt", everyItem(nullValue()))
                .body("", hasSize(2));
        bob.as().get("/api/v1/tenant").then().statusCode(200).body("id", equalTo(bob.tenantId()));
    }
}
