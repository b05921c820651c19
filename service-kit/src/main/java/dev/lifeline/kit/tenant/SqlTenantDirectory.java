package dev.lifeline.kit.tenant;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A directory answered by one query that takes the key hash and returns the tenant id of a live key. Subclasses are
 * {@code @Singleton} beans: stateless, and without a no-args constructor they cannot be proxied.
 */
public abstract class SqlTenantDirectory implements TenantDirectory {

    private final AgroalDataSource dataSource;
    private final String lookup;

    protected SqlTenantDirectory(AgroalDataSource dataSource, String lookup) {
        this.dataSource = dataSource;
        this.lookup = lookup;
    }

    @Override
    public Optional<String> tenantIdForKeyHash(String sha256Hex) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(lookup)) {
            query.setString(1, sha256Hex);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up API key", e);
        }
    }
}
