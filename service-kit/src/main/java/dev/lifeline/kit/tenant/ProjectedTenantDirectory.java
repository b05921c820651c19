package dev.lifeline.kit.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Authenticates tenant keys from this service's own copy of tenants.v1, so it works while contact-service is down. */
@ApplicationScoped
@IfBuildProperty(name = "lifeline.tenants.projection", stringValue = "true")
public class ProjectedTenantDirectory implements TenantDirectory {

    private static final String LOOKUP = """
            SELECT t.tenant_id FROM projected_tenant_key k JOIN projected_tenant t ON t.tenant_id = k.tenant_id
            WHERE k.key_hash = ? AND NOT t.deleted""";

    private final AgroalDataSource dataSource;

    public ProjectedTenantDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> tenantIdForKeyHash(String sha256Hex) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
            lookup.setString(1, sha256Hex);
            try (ResultSet rs = lookup.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up API key", e);
        }
    }
}
