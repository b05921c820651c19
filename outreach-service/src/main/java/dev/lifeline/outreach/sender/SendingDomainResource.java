package dev.lifeline.outreach.sender;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The business's own sending domains and their DKIM keys. Another business's domain answers 404. */
@Path("/api/v1/tenant/sending-domains")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sending domains", description = "Domains the business sends from, DKIM-signed with its own keys")
public class SendingDomainResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    SendingDomainService domains;

    @GET
    @Operation(summary = "The business's sending domains with their keys' DNS records")
    public List<DomainView> list() {
        return domains.list(tenant.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a domain",
            description =
                    "Creates its first DKIM key (RSA-2048); the answer shows the TXT "
                            + "record to publish. The domain is verified, and the key signs, once POST …/verify finds the record.")
    @APIResponse(responseCode = "201", description = "The domain, unverified, with its pending key's DNS record")
    @APIResponse(responseCode = "400", description = "Not a domain name (problem JSON naming domain)")
    @APIResponse(responseCode = "409", description = "Already a sending domain of this business")
    public Response add(@NotNull @Valid DomainRequest request) {
        DomainView view = domains.add(tenant.id(), request);
        return Response.created(URI.create("/api/v1/tenant/sending-domains/" + view.id()))
                .entity(view)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One sending domain")
    public DomainView get(@PathParam("id") String id) {
        return domains.get(tenant.id(), parseId(id));
    }

    @POST
    @Path("{id}/verify")
    @Operation(
            summary = "Look up the newest key's TXT record in DNS",
            description =
                    "Found: that key signs from now on (the one it replaces is retired) and the domain is verified.")
    @APIResponse(responseCode = "200", description = "Verified")
    @APIResponse(
            responseCode = "422",
            description = "The record is not (yet) published (problem JSON naming dnsRecord)")
    @APIResponse(responseCode = "503", description = "The DNS lookup failed; try again")
    public DomainView verify(@PathParam("id") String id) {
        return domains.verify(tenant.id(), parseId(id));
    }

    @POST
    @Path("{id}/keys")
    @Operation(
            summary = "Rotate: a new key under a new selector",
            description = "The current key keeps signing until the new one's record is published and verified; the old "
                    + "one stays listed (retired) until removed.")
    @APIResponse(responseCode = "201", description = "The domain with its new pending key")
    @APIResponse(responseCode = "409", description = "A key is still pending")
    public Response rotate(@PathParam("id") String id) {
        DomainView view = domains.rotate(tenant.id(), parseId(id));
        return Response.created(URI.create("/api/v1/tenant/sending-domains/" + view.id()))
                .entity(view)
                .build();
    }

    @DELETE
    @Path("{id}/keys/{selector}")
    @Operation(summary = "Remove a retired or pending key")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "It is the key that signs")
    public Response removeKey(@PathParam("id") String id, @PathParam("selector") String selector) {
        domains.removeKey(tenant.id(), parseId(id), selector);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove the domain and its keys")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The sender's fromAddress is on it")
    public Response remove(@PathParam("id") String id) {
        domains.remove(tenant.id(), parseId(id));
        return Response.noContent().build();
    }

    /** Domain ids are UUIDs; anything else cannot exist. */
    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("sending domain");
        }
    }
}
