package dev.lifeline.kit.tenant;

import dev.lifeline.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

@Provider
@RequiresAdmin
@Priority(Priorities.AUTHENTICATION)
public class AdminKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Admin-Key";

    /** Unset means admin endpoints are closed: a deployment that forgot the key fails safe. */
    @ConfigProperty(name = "lifeline.admin-key")
    Optional<String> adminKey;

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (adminKey.isEmpty()
                || adminKey.get().isBlank()
                || given == null
                || !MessageDigest.isEqual(
                        adminKey.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(
                    Problems.response(401, "This endpoint needs the operator's key in the " + HEADER + " header."));
        }
    }
}
