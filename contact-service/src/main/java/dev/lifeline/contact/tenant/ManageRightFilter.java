package dev.lifeline.contact.tenant;

import dev.lifeline.kit.problem.Problems;
import dev.lifeline.kit.tenant.CurrentTenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Runs after the kit's key check (authentication, 401) and refuses a valid key without the admin right (403). */
@Provider
@ManagesTenant
@Priority(Priorities.AUTHORIZATION)
public class ManageRightFilter implements ContainerRequestFilter {

    @Inject
    CurrentTenant currentTenant;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ApiKey.isLiveAdmin(currentTenant.keyHash())) {
            request.abortWith(Problems.response(
                    403, "This key may use the contact APIs but not manage the tenant: use an admin key."));
        }
    }
}
