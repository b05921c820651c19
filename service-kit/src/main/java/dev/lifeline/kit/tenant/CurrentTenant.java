package dev.lifeline.kit.tenant;

import jakarta.enterprise.context.RequestScoped;

/** The tenant whose key authenticated the current request. */
@RequestScoped
public class CurrentTenant {

    private String id;

    void authenticate(String tenantId) {
        this.id = tenantId;
    }

    /** @throws IllegalStateException on an endpoint without {@link RequiresTenant}: a bug, never a tenant's data */
    public String id() {
        if (id == null) {
            throw new IllegalStateException("No tenant on this request: is the endpoint annotated @RequiresTenant?");
        }
        return id;
    }
}
