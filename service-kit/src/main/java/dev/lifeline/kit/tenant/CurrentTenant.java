package dev.lifeline.kit.tenant;

import jakarta.enterprise.context.RequestScoped;

/** The tenant whose key authenticated the current request. */
@RequestScoped
public class CurrentTenant {

    private String id;
    private String keyHash;

    void authenticate(String tenantId, String keyHash) {
        this.id = tenantId;
        this.keyHash = keyHash;
    }

    /** @throws IllegalStateException on an endpoint without {@link RequiresTenant}: a bug, never a tenant's data */
    public String id() {
        if (id == null) {
            throw new IllegalStateException("No tenant on this request: is the endpoint annotated @RequiresTenant?");
        }
        return id;
    }

    /** SHA-256 (hex) of the key that authenticated the request, for services that give keys different rights. */
    public String keyHash() {
        id();
        return keyHash;
    }
}
