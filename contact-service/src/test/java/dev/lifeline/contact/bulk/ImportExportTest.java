package dev.lifeline.contact.bulk;

import dev.lifeline.contact.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ImportExportTest {

    static final String CSV = """
            Name,E-Mail,Phone,Tags,Email Consent,attr.shoe
            Ada Lovelace,Ada@Example.com,0151 12345678,vip;gold,yes,38
            Bad Mail,not-an-address,,,,
            "Hopper, Grace",grace@example.com,,,no,
            Bad Phone,,12,,,
            Ada Again,ada@example.com,,newsletter,,
            """;

    private static Response upload(Api.TenantKey tenant, byte[] body) {
        return ImportCalls.upload(tenant, body);
    }

    private static Response awaitDone(Api.TenantKey tenant, String jobId) throws InterruptedException {
        return ImportCalls.awaitDone(tenant, jobId, Duration.ofSeconds(30));
    }

    @Test
    void importsGoodRowsReportsBadOnesByRowAndIsIdempotentOnReupload() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        Response accepted = upload(tenant, CSV.getBytes(StandardCharsets.UTF_8));
        accepted.then().statusCode(202).body("state", equalTo("queued")).body("rowsTotal", equalTo(5));
        String jobId = accepted.path("id");

        awaitDone(tenant, jobId)
                .then()
                .body("state", equalTo("done"))
                .body("rowsRead", equalTo(5))
                .body("imported", equalTo(2))
                .body("failed", equalTo(2))
                .body("errors.row", equalTo(List.of(3, 5)))
                .body("errors.field", equalTo(List.of("email", "phone")));

        tenant.as()
                .queryParam("q", "ada@")
                .get("/api/v1/contacts")
                .then()
                .body("items", hasSize(1))
                .body("items[0].phone", equalTo("+4915112345678"))
                .body("items[0].tags", equalTo(List.of("vip", "gold", "newsletter")))
                .body("items[0].consents.email", equalTo("confirmed"))
                .body("items[0].attributes.shoe", equalTo("38"))
                .body("items[0].source", equalTo("import"));
        tenant.as()
                .queryParam("q", "grace")
                .get("/api/v1/contacts")
                .then()
                .body("items[0].name", equalTo("Hopper, Grace"));

        upload(tenant, CSV.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(200)
                .header("X-Lifeline-Duplicate-Upload", "true")
                .body("id", equalTo(jobId));
        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(2));

        Api.newTenant().as().get("/api/v1/contacts/imports/" + jobId).then().statusCode(404);
    }

    @Test
    void brokenFilesAreRefusedWholeAndImportNothing() {
        Api.TenantKey tenant = Api.newTenant();
        upload(
                        tenant,
                        "email,name\nok@example.com,Ok\n\"broken@example.com,Broken\nlast@example.com,Last\n"
                                .getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("row 3"));
        upload(tenant, "email,favourite colour\nok@example.com,blue\n".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("header"));
        upload(tenant, "email,name\nok@example.com,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("encoding"));
        upload(tenant, new byte[0]).then().statusCode(400).body("errors.field", hasItem("header"));
        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void exportsOnlyTheTenantsOwnContactsAsCsvAndJson() {
        Api.TenantKey tenant = Api.newTenant();
        Api.TenantKey other = Api.newTenant();
        tenant.as()
                .body(Map.of("name", "Lovelace, Ada", "email", "ada@example.com", "consents", Map.of("email", true)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        tenant.as()
                .body(Map.of("email", "grace@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        other.as()
                .body(Map.of("email", "secret@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);

        String csv = tenant.as()
                .get("/api/v1/contacts/export?format=csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv)
                .startsWith(ExportResource.HEADER)
                .contains("\"Lovelace, Ada\",ada@example.com")
                .doesNotContain("secret");

        tenant.as()
                .get("/api/v1/contacts/export?format=json")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("email", hasItem("grace@example.com"));
        tenant.as()
                .get("/api/v1/contacts/export?format=xml")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("format"));
    }
}
