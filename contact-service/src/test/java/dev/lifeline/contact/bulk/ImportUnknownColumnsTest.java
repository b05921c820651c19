package dev.lifeline.contact.bulk;

import dev.lifeline.contact.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** A shop's own export, with columns Lifeline does not know, imported by the uploader's choice. */
@QuarkusTest
class ImportUnknownColumnsTest {

    /** The head of a Shopify customer export, its columns renamed where they are contact fields. */
    static final String SHOPIFY_LIKE = """
            Customer ID,First Name,Last Name,Email,Email Consent,Country,Phone,Total Spent,Tags
            1001,Ada,Lovelace,ada@example.com,yes,GB,07400 123456,120.00,vip
            1002,Grace,Hopper,grace@example.com,no,United States,(201) 555-0123,0.00,
            1003,Bad,Country,bad@example.com,no,Atlantis,0123 456,0.00,
            """;

    private static Response upload(Api.TenantKey tenant, String unknownColumns) {
        return tenant.as()
                .contentType("text/csv")
                .queryParam("unknownColumns", unknownColumns)
                .body(SHOPIFY_LIKE.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/contacts/imports");
    }

    @Test
    void byDefaultAFileWithAnUnknownColumnIsStillRefusedWhole_namingTheHeader() {
        Api.TenantKey tenant = Api.newTenant();

        ImportCalls.upload(tenant, SHOPIFY_LIKE.getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("header"));

        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(0));
    }

    @Test
    void withUnknownColumnsIgnored_theKnownOnesImport_andEachRowsCountryReadsItsPhone() throws Exception {
        Api.TenantKey tenant = Api.newTenant("single", "DE");

        Response accepted = upload(tenant, "ignore");
        accepted.then().statusCode(202);

        ImportCalls.awaitDone(tenant, accepted.path("id"), Duration.ofSeconds(30))
                .then()
                .body("state", equalTo("done"))
                .body("imported", equalTo(2))
                .body("failed", equalTo(1))
                .body("errors[0].row", equalTo(4))
                .body("errors[0].field", equalTo("country"));
        tenant.as()
                .queryParam("q", "ada@")
                .get("/api/v1/contacts")
                .then()
                .body("items[0].name", equalTo("Ada Lovelace"))
                .body("items[0].phone", equalTo("+447400123456"))
                .body("items[0].consents.email", equalTo("confirmed"))
                .body("items[0].tags", equalTo(List.of("vip")))
                .body("items[0].attributes", equalTo(Map.of()));
        tenant.as()
                .queryParam("q", "grace@")
                .get("/api/v1/contacts")
                .then()
                .body("items[0].phone", equalTo("+12015550123"))
                .body("items[0].consents.email", equalTo("none"));
    }

    @Test
    void withUnknownColumnsAsAttributes_theyAreKeptOnTheContact_asAnotherJobThanIgnoringThem() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        String ignoredJob = upload(tenant, "ignore").path("id");
        ImportCalls.awaitDone(tenant, ignoredJob, Duration.ofSeconds(30));

        Response accepted = upload(tenant, "attributes");

        accepted.then().statusCode(202).body("id", not(equalTo(ignoredJob)));
        ImportCalls.awaitDone(tenant, accepted.path("id"), Duration.ofSeconds(30))
                .then()
                .body("state", equalTo("done"))
                .body("merged", equalTo(2));
        tenant.as()
                .queryParam("q", "ada@")
                .get("/api/v1/contacts")
                .then()
                .body("items", hasSize(1))
                .body("items[0].attributes", equalTo(Map.of("Customer ID", "1001", "Total Spent", "120.00")));
    }

    @Test
    void anUnknownChoiceIsA400NamingUnknownColumns_andImportsNothing() {
        Api.TenantKey tenant = Api.newTenant();

        upload(tenant, "keep").then().statusCode(400).body("errors[0].field", equalTo("unknownColumns"));

        tenant.as().get("/api/v1/contacts").then().body("items", hasSize(0));
    }
}
