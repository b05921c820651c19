package dev.lifeline.kit.tenant;

import dev.lifeline.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

@Provider
@RequiresTenant
@Priority(Priorities.AUTHENTICATION)
public class TenantKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Override
    public void filter(ContainerRequestContext request) {
        String key = keyOf(request);
        if (key == null) {
            request.abortWith(Problems.response(401, "An API key is required: send 'Authorization: Bearer <key>'."));
            return;
        }
        String hash = ApiKeys.looksValid(key) ? ApiKeys.hash(key) : null;
        Optional<String> tenant = hash != null ? directory.tenantIdForKeyHash(hash) : Optional.empty();
        if (tenant.isEmpty()) {
            request.abortWith(Problems.response(401, "The API key is not valid or was revoked."));
            return;
        }
        currentTenant.authenticate(tenant.get(), hash);
    }

    private static String keyOf(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        String apiKey = request.getHeaderString("X-Api-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
