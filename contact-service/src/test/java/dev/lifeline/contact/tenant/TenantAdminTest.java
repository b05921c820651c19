package dev.lifeline.contact.tenant;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.tenant.ApiKeys;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TenantAdminTest {

    @InjectLocalStack
    LocalStack stack;

    private static Map<String, Object> body(String slug) {
        return Map.of(
                "name",
                "Ada's shop",
                "slug",
                slug,
                "defaultRegion",
                "DE",
                "timeZone",
                "Europe/Berlin",
                "optInMode",
                "single");
    }

    @Test
    void createsTenantWithAKeyShownOnceAndPublishesItsHash() {
        String slug = "ada-" + Api.unique();
        Response created = Api.admin().body(body(slug)).post("/api/v1/admin/tenants");
        created.then()
                .statusCode(201)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Ada's shop"))
                .body("defaultRegion", equalTo("DE"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("optInMode", equalTo("single"))
                .body("apiKey", startsWith("ll_"));
        String id = created.path("id");
        String key = created.path("apiKey");

        Api.admin()
                .get("/api/v1/admin/tenants/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("apiKey", equalTo(null));

        var records = TopicReader.await(stack.kafka().bootstrapServers(), Topics.TENANTS, r -> id.equals(r.key()), 1);
        assertThat(records).hasSize(1);
        TenantUpserted event = EventCodec.decode(records.get(0).value(), TenantUpserted.class);
        assertThat(event.slug()).isEqualTo(slug);
        assertThat(event.apiKeyHashes()).containsExactly(ApiKeys.hash(key));
        assertThat(records.get(0).value()).doesNotContain(key);
    }

    @Test
    void adminKeyIsRequiredAndChecked() {
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(body("x-" + Api.unique()))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given()
                .header("X-Admin-Key", "wrong")
                .contentType(ContentType.JSON)
                .body(body("x-" + Api.unique()))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(401);
        // A tenant's own key is no admin key.
        Api.TenantKey tenant = Api.newTenant();
        RestAssured.given()
                .header("X-Admin-Key", tenant.apiKey())
                .post("/api/v1/admin/tenants/" + tenant.tenantId() + "/api-keys")
                .then()
                .statusCode(401);
    }

    @Test
    void badTenantInputNamesTheField() {
        Api.admin()
                .body(Map.of("name", "x", "slug", "Not A Slug", "defaultRegion", "DE", "timeZone", "Europe/Berlin"))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("slug"));
        Api.admin()
                .body(Map.of(
                        "name", "x", "slug", "ok-" + Api.unique(), "defaultRegion", "ZZ", "timeZone", "Europe/Berlin"))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("defaultRegion"));
        Api.admin()
                .body(Map.of(
                        "name", "x", "slug", "ok-" + Api.unique(), "defaultRegion", "DE", "timeZone", "Mars/Olympus"))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        Api.admin()
                .body(Map.of(
                        "name",
                        "x",
                        "slug",
                        "ok-" + Api.unique(),
                        "defaultRegion",
                        "DE",
                        "timeZone",
                        "Europe/Berlin",
                        "optInMode",
                        "triple"))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("optInMode"));
        Api.admin()
                .body("{\"name\":\"x\",")
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400);
    }

    @Test
    void slugIsUnique() {
        String slug = "dup-" + Api.unique();
        Api.admin().body(body(slug)).post("/api/v1/admin/tenants").then().statusCode(201);
        Api.admin()
                .body(body(slug))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("slug"));
    }

    @Test
    void keysCanBeAddedAndRevoked() {
        Api.TenantKey tenant = Api.newTenant();
        Response issued = Api.admin().post("/api/v1/admin/tenants/" + tenant.tenantId() + "/api-keys");
        issued.then().statusCode(201).body("apiKey", startsWith("ll_"));
        String second = issued.path("apiKey");
        String secondId = issued.path("id");

        RestAssured.given()
                .auth()
                .oauth2(second)
                .get("/api/v1/contacts/" + UUID.randomUUID())
                .then()
                .statusCode(404);

        Api.admin()
                .delete("/api/v1/admin/tenants/" + tenant.tenantId() + "/api-keys/" + secondId)
                .then()
                .statusCode(204);
        RestAssured.given()
                .auth()
                .oauth2(second)
                .get("/api/v1/contacts/" + UUID.randomUUID())
                .then()
                .statusCode(401);
        // The first key still works.
        tenant.as().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(404);

        var records = TopicReader.await(
                stack.kafka().bootstrapServers(),
                Topics.TENANTS,
                r -> tenant.tenantId().equals(r.key()),
                3);
        TenantUpserted last = EventCodec.decode(records.get(records.size() - 1).value(), TenantUpserted.class);
        assertThat(last.version()).isEqualTo(3);
        assertThat(last.apiKeyHashes()).containsExactly(ApiKeys.hash(tenant.apiKey()));
    }

    @Test
    void keysOfOneTenantCannotBeRevokedThroughAnother() {
        Api.TenantKey a = Api.newTenant();
        Api.TenantKey b = Api.newTenant();
        Api.admin()
                .delete("/api/v1/admin/tenants/" + a.tenantId() + "/api-keys/" + b.keyId())
                .then()
                .statusCode(404);
        b.as().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(404);
        Api.admin().post("/api/v1/admin/tenants/not-a-uuid/api-keys").then().statusCode(404);
    }
}
