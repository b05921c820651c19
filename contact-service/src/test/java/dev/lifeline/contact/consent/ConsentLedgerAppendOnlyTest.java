package dev.lifeline.contact.consent;

import dev.lifeline.contact.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consent ledger is proof: the database itself refuses to change or lose a line, whatever code (or person with
 * SQL access) tries, except in the one documented path, the erasure of a whole tenant that deletes itself.
 */
@QuarkusTest
class ConsentLedgerAppendOnlyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ledgerLinesCannotBeUpdatedDeletedOrTruncated() throws SQLException {
        Api.TenantKey tenant = Api.newTenant();
        String contact = tenant.as()
                .body(Api.ada("ledger-" + Api.unique() + "@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> before = ledger(tenant.tenantId());
        assertThat(before).isNotEmpty();

        for (String sql : List.of(
                "UPDATE consent_event SET action = 'withdrawn' WHERE tenant_id = '" + tenant.tenantId() + "'",
                "UPDATE consent_event SET consent_text = 'something else' WHERE contact_id = '" + contact + "'",
                "DELETE FROM consent_event WHERE tenant_id = '" + tenant.tenantId() + "'",
                "TRUNCATE consent_event")) {
            assertThatThrownBy(() -> execute(null, sql))
                    .as(sql)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(ledger(tenant.tenantId())).isEqualTo(before);
    }

    @Test
    void theErasureSettingAllowsOnlyDeletingTheNamedTenantsLines() throws SQLException {
        Api.TenantKey named = Api.newTenant();
        Api.TenantKey other = Api.newTenant();
        named.as()
                .body(Api.ada("named-" + Api.unique() + "@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        other.as()
                .body(Api.ada("other-" + Api.unique() + "@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201);
        List<String> otherBefore = ledger(other.tenantId());

        // Naming one tenant does not open another's lines, nor UPDATE of its own.
        assertThatThrownBy(() -> execute(
                        named.tenantId(), "DELETE FROM consent_event WHERE tenant_id = '" + other.tenantId() + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(
                        named.tenantId(),
                        "UPDATE consent_event SET status = 'none' WHERE tenant_id = '" + named.tenantId() + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        // A random tenant id (a typo, a guess) opens nothing.
        assertThatThrownBy(() -> execute(
                        UUID.randomUUID().toString(),
                        "DELETE FROM consent_event WHERE tenant_id = '" + named.tenantId() + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThat(ledger(named.tenantId())).isNotEmpty();

        execute(named.tenantId(), "DELETE FROM consent_event WHERE tenant_id = '" + named.tenantId() + "'");
        assertThat(ledger(named.tenantId())).isEmpty();
        assertThat(ledger(other.tenantId())).isEqualTo(otherBefore);
        // The setting was transaction-local: the next transaction is refused again.
        assertThatThrownBy(
                        () -> execute(null, "DELETE FROM consent_event WHERE tenant_id = '" + other.tenantId() + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
    }

    /** Runs one statement in its own transaction, first naming {@code erasureTenant} in the setting if given. */
    private void execute(String erasureTenant, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (erasureTenant != null) {
                    try (PreparedStatement set =
                            c.prepareStatement("SELECT set_config('lifeline.tenant_erasure', ?, true)")) {
                        set.setString(1, erasureTenant);
                        set.executeQuery().close();
                    }
                }
                s.execute(sql);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<String> ledger(String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT id || ':' || action || ':' || status || ':' || coalesce(consent_text, '') FROM consent_event WHERE tenant_id = ? ORDER BY id")) {
            q.setObject(1, UUID.fromString(tenantId));
            try (ResultSet rs = q.executeQuery()) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
                return lines;
            }
        }
    }
}
