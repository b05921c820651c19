package dev.lifeline.contact.tenant;

import dev.lifeline.kit.tenant.SqlTenantDirectory;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;

/** contact-service owns the tenants, so it checks keys against its own table: a revocation takes effect at once. */
@Singleton
public class ContactTenantDirectory extends SqlTenantDirectory {

    public ContactTenantDirectory(AgroalDataSource dataSource) {
        super(dataSource, "SELECT cast(tenant_id AS varchar) FROM api_key WHERE key_hash = ? AND revoked_at IS NULL");
    }
}
