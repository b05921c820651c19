package dev.lifeline.kit.tenant;

import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.events.tenant.TenantUpserted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Applies tenant events to the local copy; an event older than the copy changes nothing. */
@ApplicationScoped
@IfBuildProperty(name = "lifeline.tenants.projection", stringValue = "true")
public class TenantProjection {

    private static final String UPSERT = """
            INSERT INTO projected_tenant (tenant_id, slug, name, time_zone, version, deleted) VALUES (?, ?, ?, ?, ?, FALSE)
            ON CONFLICT (tenant_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                time_zone = EXCLUDED.time_zone, version = EXCLUDED.version, deleted = FALSE
            WHERE projected_tenant.version < EXCLUDED.version""";

    private final AgroalDataSource dataSource;

    public TenantProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TenantUpserted tenant) {
        try (Connection connection = dataSource.getConnection()) {
            int changed;
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, tenant.tenantId());
                upsert.setString(2, tenant.slug());
                upsert.setString(3, tenant.name());
                upsert.setString(4, tenant.timeZone());
                upsert.setLong(5, tenant.version());
                changed = upsert.executeUpdate();
            }
            if (changed == 0) {
                return;
            }
            deleteKeys(connection, tenant.tenantId());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO projected_tenant_key (key_hash, tenant_id) VALUES (?, ?) ON CONFLICT (key_hash) DO NOTHING")) {
                for (String hash : tenant.apiKeyHashes()) {
                    insert.setString(1, hash);
                    insert.setString(2, tenant.tenantId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply tenant event", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TenantDeleted tenant) {
        try (Connection connection = dataSource.getConnection()) {
            deleteKeys(connection, tenant.tenantId());
            try (PreparedStatement mark = connection.prepareStatement("""
                    INSERT INTO projected_tenant (tenant_id, version, deleted) VALUES (?, 9223372036854775807, TRUE)
                    ON CONFLICT (tenant_id) DO UPDATE SET deleted = TRUE, version = 9223372036854775807""")) {
                mark.setString(1, tenant.tenantId());
                mark.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot apply tenant event", e);
        }
    }

    private static void deleteKeys(Connection connection, String tenantId) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM projected_tenant_key WHERE tenant_id = ?")) {
            delete.setString(1, tenantId);
            delete.executeUpdate();
        }
    }
}
