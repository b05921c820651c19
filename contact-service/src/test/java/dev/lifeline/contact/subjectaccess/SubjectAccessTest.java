package dev.lifeline.contact.subjectaccess;

import dev.lifeline.contact.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * GET /api/v1/contacts/{id}/subject-access. No outreach-service runs in this module's tests, so its section must be
 * marked unavailable and the answer incomplete; the system tests ask a real one.
 */
@QuarkusTest
class SubjectAccessTest {

    @Test
    void aContactCapturedByTheFormGetsItsDataLedgerEvidenceAndProvenance_andTheMissingOutreachIsSaidSo() {
        Api.TenantKey tenant = Api.newTenant("single", "DE");
        String email = "sar-" + Api.unique() + "@example.com";
        RestAssured.given()
                .contentType("application/json")
                .header("User-Agent", "SarBrowser/1.0")
                .body(Map.of("name", "Sara", "email", email, "emailConsent", true))
                .post("/api/v1/public/" + tenant.slug() + "/contacts")
                .then()
                .statusCode(202);
        String id = tenant.as()
                .queryParam("q", email)
                .get("/api/v1/contacts")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");

        JsonPath sar = tenant.as()
                .get("/api/v1/contacts/" + id + "/subject-access")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(sar.getString("contactId")).isEqualTo(id);
        assertThat(sar.getString("contactService.contact.email")).isEqualTo(email);
        assertThat(sar.getString("contactService.contact.name")).isEqualTo("Sara");
        assertThat(sar.getBoolean("contactService.erased")).isFalse();
        List<Map<String, Object>> lines = sar.getList("contactService.consents.events");
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0)).containsEntry("source", "form").containsEntry("userAgent", "SarBrowser/1.0");
        assertThat(lines.get(0).get("consentText")).isNotNull();
        assertThat(sar.getString("contactService.provenance.capturedThrough")).isEqualTo("form");
        assertThat(sar.getList("contactService.provenance.ledgerSources")).contains("form");
        assertThat(sar.getString("contactService.provenance.createdAt")).isNotBlank();

        assertThat(sar.getBoolean("complete")).isFalse();
        assertThat(sar.getBoolean("outreachService.available")).isFalse();
        assertThat(sar.getString("outreachService.detail")).contains("outreach-service could not be reached");
        assertThat(sar.getBoolean("monitorService.holdsData")).isFalse();
        assertThat(sar.getString("monitorService.detail")).contains("no contact data");
    }

    @Test
    void afterErasureTheAnswerShowsTheAnonymisedProofAndNothingPersonal() {
        Api.TenantKey tenant = Api.newTenant();
        String email = "gone-" + Api.unique() + "@example.com";
        String id = tenant.as()
                .body(Api.ada(email))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        tenant.as().delete("/api/v1/contacts/" + id).then().statusCode(204);

        String body = tenant.as()
                .get("/api/v1/contacts/" + id + "/subject-access")
                .then()
                .statusCode(200)
                .body("contactService.erased", equalTo(true))
                .body("contactService.provenance.erasedAt", notNullValue())
                .extract()
                .asString();
        assertThat(body).doesNotContain(email, "Ada Lovelace", "+4915112345678");
    }

    @Test
    void anotherTenantsContactAndUnknownIdsAre404AndAMalformedIdIs400NamingTheField() {
        Api.TenantKey owner = Api.newTenant();
        Api.TenantKey other = Api.newTenant();
        String id = owner.as()
                .body(Api.ada("iso-" + Api.unique() + "@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        other.as()
                .get("/api/v1/contacts/" + id + "/subject-access")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
        owner.as()
                .get("/api/v1/contacts/" + UUID.randomUUID() + "/subject-access")
                .then()
                .statusCode(404);
        owner.as()
                .get("/api/v1/contacts/not-a-uuid/subject-access")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("id"));
        RestAssured.given()
                .get("/api/v1/contacts/" + id + "/subject-access")
                .then()
                .statusCode(401);
    }
}
