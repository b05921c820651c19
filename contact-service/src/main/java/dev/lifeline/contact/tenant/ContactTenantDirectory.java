package dev.lifeline.contact.tenant;

import dev.lifeline.kit.tenant.TenantDirectory;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** contact-service owns the tenants, so it checks keys against its own table: a revocation takes effect at once. */
@ApplicationScoped
public class ContactTenantDirectory implements TenantDirectory {

    private static final String LOOKUP = "SELECT cast(tenant_id AS varchar) FROM api_key WHERE key_hash = ? AND revoked_at IS NULL";

    private final AgroalDataSource dataSource;

    public ContactTenantDirectory(AgroalDataSource dataSource) {
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
