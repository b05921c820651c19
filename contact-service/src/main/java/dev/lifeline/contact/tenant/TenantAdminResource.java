package dev.lifeline.contact.tenant;

import dev.lifeline.contact.input.Ids;
import dev.lifeline.kit.tenant.RequiresAdmin;
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

import java.net.URI;
import java.util.List;

/** Admin API: tenants and their API keys. Guarded by {@code X-Admin-Key}. */
@Path("/api/v1/admin/tenants")
@RequiresAdmin
@Produces(MediaType.APPLICATION_JSON)
public class TenantAdminResource {

    @Inject
    TenantService tenants;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid TenantRequest request) {
        TenantService.Created created = tenants.create(request);
        return Response.created(URI.create("/api/v1/admin/tenants/" + created.tenant().id))
                .entity(TenantResponse.of(
                        created.tenant(), created.apiKey(), created.key().id.toString()))
                .build();
    }

    @GET
    @Path("{id}")
    public TenantResponse get(@PathParam("id") String id) {
        return TenantResponse.of(tenants.require(Ids.parse(id)), null, null);
    }

    @GET
    @Path("{id}/api-keys")
    public List<ApiKeyResponse> keys(@PathParam("id") String id) {
        Tenant tenant = tenants.require(Ids.parse(id));
        return ApiKey.allOf(tenant.id).stream()
                .map(k -> ApiKeyResponse.of(k, null))
                .toList();
    }

    @POST
    @Path("{id}/api-keys")
    public Response issueKey(@PathParam("id") String id) {
        TenantService.IssuedKey issued = tenants.issueKey(Ids.parse(id));
        return Response.created(URI.create("/api/v1/admin/tenants/" + id + "/api-keys/" + issued.key().id))
                .entity(ApiKeyResponse.of(issued.key(), issued.secret()))
                .build();
    }

    @DELETE
    @Path("{id}/api-keys/{keyId}")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        tenants.revokeKey(Ids.parse(id), Ids.parse(keyId));
        return Response.noContent().build();
    }
}
