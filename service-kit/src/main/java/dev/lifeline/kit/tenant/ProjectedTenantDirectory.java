package dev.lifeline.kit.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.inject.Singleton;

/** Authenticates tenant keys from this service's own copy of tenants.v1, so it works while contact-service is down. */
@Singleton
@IfBuildProperty(name = "lifeline.tenants.projection", stringValue = "true")
public class ProjectedTenantDirectory extends SqlTenantDirectory {

    public ProjectedTenantDirectory(AgroalDataSource dataSource) {
        super(dataSource, """
                SELECT t.tenant_id FROM projected_tenant_key k JOIN projected_tenant t ON t.tenant_id = k.tenant_id
                WHERE k.key_hash = ? AND NOT t.deleted""");
    }
}
