package dev.lifeline.monitor.support;

import dev.lifeline.kit.tenant.ApiKeys;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Puts a tenant with a new API key in the local projection of tenants.v1, as the kit's consumer would. */
public final class TestTenants {

    private TestTenants() {}

    /** Answers the tenant's API key. */
    public static String create(AgroalDataSource dataSource, String tenantId) throws SQLException {
        String apiKey = ApiKeys.generate();
        try (Connection c = dataSource.getConnection();
                PreparedStatement t = c.prepareStatement(
                        "INSERT INTO projected_tenant (tenant_id, slug, name, time_zone, version) VALUES (?, ?, ?, 'UTC', 1)");
                PreparedStatement k =
                        c.prepareStatement("INSERT INTO projected_tenant_key (key_hash, tenant_id) VALUES (?, ?)")) {
            t.setString(1, tenantId);
            t.setString(2, tenantId);
            t.setString(3, tenantId);
            t.executeUpdate();
            k.setString(1, ApiKeys.hash(apiKey));
            k.setString(2, tenantId);
            k.executeUpdate();
        }
        return apiKey;
    }
}
