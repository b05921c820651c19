package dev.lifeline.contact.optin;

import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.kit.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The JSON endpoint the embeddable snippet posts to from the business's own site. Browsers may call it only from
 * the tenant's CORS allow-list. The answer never says whether the person was already known.
 */
@Path("/api/v1/public/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class PublicCaptureResource {

    @Inject
    CaptureService capture;

    @OPTIONS
    @Path("contacts")
    public Response preflight(@PathParam("slug") String slug, @HeaderParam("Origin") String origin) {
        Tenant tenant = capture.tenant(slug);
        if (origin == null || !tenant.corsOriginList().contains(origin)) {
            return Response.status(403).build();
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build();
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response capture(
            @PathParam("slug") String slug,
            @HeaderParam("Origin") String origin,
            @NotNull @Valid CaptureInput input,
            @Context HttpServerRequest request) {
        Tenant tenant = capture.tenant(slug);
        if (origin != null && !tenant.corsOriginList().contains(origin)) {
            throw ProblemException.field(403, "Origin", "is not allowed to post to this form");
        }
        ClientInfo client = ClientInfo.of(request);
        capture.checkRate(tenant, client.ip());
        capture.capture(tenant, input, client.ip(), client.userAgent());
        // The answer depends on the tenant's mode only: whether this person was already known (or confirmed, or a
        // bot) must not be learnable from it.
        String status = tenant.doubleOptIn() ? "pending-confirmation" : "confirmed";
        Response.ResponseBuilder answer = Response.accepted(Map.of("status", status));
        if (origin != null) {
            answer.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin");
        }
        return answer.build();
    }
}
