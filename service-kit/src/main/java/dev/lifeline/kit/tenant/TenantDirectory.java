package dev.lifeline.kit.tenant;

import java.util.Optional;

/** Finds the tenant that owns a live API key. */
public interface TenantDirectory {

    Optional<String> tenantIdForKeyHash(String sha256Hex);
}
