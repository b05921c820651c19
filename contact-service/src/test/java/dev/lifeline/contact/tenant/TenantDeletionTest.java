package dev.lifeline.contact.tenant;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.lifeline.localstack.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A business deleting itself: contact-service keeps nothing of it, announces it, and leaves other businesses alone. */
@QuarkusTest
class TenantDeletionTest {

    /** Every table of this service that holds a tenant's rows, with the query that counts them. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("tenant", "SELECT count(*) FROM tenant WHERE id = ?");
        TABLES.put("api_key", "SELECT count(*) FROM api_key WHERE tenant_id = ?");
        TABLES.put("contact", "SELECT count(*) FROM contact WHERE tenant_id = ?");
        TABLES.put("consent_event", "SELECT count(*) FROM consent_event WHERE tenant_id = ?");
        TABLES.put("consent_text_version", "SELECT count(*) FROM consent_text_version WHERE tenant_id = ?");
        TABLES.put("import_job", "SELECT count(*) FROM import_job WHERE tenant_id = ?");
        TABLES.put(
                "import_row_error",
                "SELECT count(*) FROM import_row_error e JOIN import_job j ON j.id = e.job_id WHERE j.tenant_id = ?");
    }

    @InjectLocalStack
    LocalStack stack;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeletedBusinessLeavesNothingHereAndIsAnnouncedWhileAnotherKeepsEverything() throws Exception {
        Api.TenantKey ada = Api.newTenant();
        Api.TenantKey bob = Api.newTenant();
        String adaContact = ada.as()
                .body(Api.ada("ada-" + Api.unique() + "@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ada.as()
                .body(Map.of("consentTexts", Map.of("email", "A second wording")))
                .patch("/api/v1/tenant")
                .then()
                .statusCode(200);
        ada.as()
                .body(Map.of("scope", "standard"))
                .post("/api/v1/tenant/keys")
                .then()
                .statusCode(201);
        String importId = ada.as()
                .contentType("text/csv")
                .body(("email,name\nimp-" + Api.unique() + "@example.com,Imp\nnot-an-address,Bad\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/contacts/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitImportDone(ada, importId);
        bob.as()
                .body(Api.ada("bob-" + Api.unique() + "@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        Map<String, Long> bobBefore = counts(bob.tenantId());
        Map<String, Long> adaBefore = counts(ada.tenantId());
        assertThat(adaBefore)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        Set<String> adaContacts = contactIds(ada.tenantId());
        assertThat(adaContacts).hasSize(2).contains(adaContact);

        ada.as()
                .body(Map.of("confirm", bob.slug()))
                .delete("/api/v1/tenant")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("confirm"));
        ada.as()
                .body(Map.of())
                .delete("/api/v1/tenant")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("confirm"));
        ada.as().delete("/api/v1/tenant").then().statusCode(400).contentType("application/problem+json");
        assertThat(counts(ada.tenantId())).isEqualTo(adaBefore);

        ada.as()
                .body(Map.of("confirm", ada.slug()))
                .delete("/api/v1/tenant")
                .then()
                .statusCode(202)
                .body("id", equalTo(ada.tenantId()));

        assertThat(counts(ada.tenantId()))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(counts(bob.tenantId())).isEqualTo(bobBefore);
        ada.as().get("/api/v1/contacts").then().statusCode(401);
        ada.as().get("/api/v1/tenant").then().statusCode(401);
        RestAssured.get("/f/" + ada.slug()).then().statusCode(404);
        bob.as().get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(1));

        var deleted = TopicReader.await(
                stack.kafka().bootstrapServers(),
                Topics.TENANTS,
                r -> ada.tenantId().equals(r.key()) && EventTypes.TENANT_DELETED.equals(header(r, "ce_type")),
                1);
        assertThat(deleted).hasSize(1);
        assertThat(EventCodec.decode(deleted.get(0).value(), TenantDeleted.class)
                        .tenantId())
                .isEqualTo(ada.tenantId());
        // Every contact of the business leaves contacts.v1: a tombstone each, so compaction drops its records.
        var tombstones = TopicReader.await(
                stack.kafka().bootstrapServers(),
                Topics.CONTACTS,
                r -> adaContacts.contains(r.key()) && r.value() == null,
                adaContacts.size());
        assertThat(tombstones.stream().map(r -> r.key()).collect(Collectors.toSet()))
                .isEqualTo(adaContacts);
        // The slug is free again.
        Api.admin()
                .body(Map.of(
                        "name", "Someone else", "slug", ada.slug(), "defaultRegion", "DE", "timeZone", "Europe/Berlin"))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(201);
    }

    private static void awaitImportDone(Api.TenantKey tenant, String jobId) throws InterruptedException {
        for (int i = 0;
                i < 300
                        && !"done"
                                .equals(tenant.as()
                                        .get("/api/v1/contacts/imports/" + jobId)
                                        .path("state"));
                i++) {
            Thread.sleep(100);
        }
        tenant.as()
                .get("/api/v1/contacts/imports/" + jobId)
                .then()
                .body("state", equalTo("done"))
                .body("failed", equalTo(1));
    }

    private Map<String, Long> counts(String tenantId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                try (PreparedStatement q = c.prepareStatement(table.getValue())) {
                    q.setObject(1, UUID.fromString(tenantId));
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        counts.put(table.getKey(), rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private Set<String> contactIds(String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT cast(id AS varchar) FROM contact WHERE tenant_id = ?")) {
            q.setObject(1, UUID.fromString(tenantId));
            try (ResultSet rs = q.executeQuery()) {
                Set<String> ids = new HashSet<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }
}
