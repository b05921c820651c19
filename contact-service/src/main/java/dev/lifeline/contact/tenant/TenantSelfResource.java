package dev.lifeline.contact.tenant;

import dev.lifeline.contact.input.Ids;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A business managing itself with its own admin key: its settings, its keys, its deletion. Always the tenant of the
 * key: there is no tenant id in these paths, so no tenant can name another.
 */
@Path("/api/v1/tenant")
@RequiresTenant
@ManagesTenant
@Produces(MediaType.APPLICATION_JSON)
public class TenantSelfResource {

    @Inject
    CurrentTenant current;

    @Inject
    TenantService tenants;

    @Inject
    TenantSettingsService settings;

    @Inject
    TenantEraser eraser;

    /** The answer to a deletion: contact-service's data are gone, the other services' follow from tenants.v1. */
    public record Deleted(String id, Instant deletedAt) {}

    /** One wording of the consent texts, as ledger lines name it ({@code label}). */
    public record ConsentTextVersionView(int version, String label, String email, String sms, Instant createdAt) {}

    @GET
    public TenantResponse get() {
        return TenantResponse.of(tenants.require(tenantId()), null, null);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantResponse change(@NotNull @Valid TenantSettings body) {
        return TenantResponse.of(settings.change(tenantId(), body), null, null);
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@NotNull @Valid TenantDeletion body) {
        UUID id = tenantId();
        Instant at = eraser.erase(id, body.confirm());
        return Response.accepted(new Deleted(id.toString(), at)).build();
    }

    @GET
    @Path("consent-texts")
    public List<ConsentTextVersionView> consentTexts() {
        return ConsentTextVersion.of(tenantId()).stream()
                .map(v -> new ConsentTextVersionView(
                        v.version, ConsentTextVersion.label(v.version), v.emailText, v.smsText, v.createdAt))
                .toList();
    }

    @GET
    @Path("keys")
    public List<ApiKeyResponse> keys() {
        return ApiKey.allOf(tenantId()).stream()
                .map(k -> ApiKeyResponse.of(k, null))
                .toList();
    }

    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issueKey(@Valid KeyRequest body) {
        String scope = body == null ? ApiKey.STANDARD : body.scopeOrDefault();
        TenantService.IssuedKey issued = tenants.issueKey(tenantId(), scope);
        return Response.created(URI.create("/api/v1/tenant/keys/" + issued.key().id))
                .entity(ApiKeyResponse.of(issued.key(), issued.secret()))
                .build();
    }

    @DELETE
    @Path("keys/{id}")
    public Response revokeKey(@PathParam("id") String keyId) {
        tenants.revokeOwnKey(tenantId(), Ids.parse(keyId));
        return Response.noContent().build();
    }

    private UUID tenantId() {
        return UUID.fromString(current.id());
    }
}
