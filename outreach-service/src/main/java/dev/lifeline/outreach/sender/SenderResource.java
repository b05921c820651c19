package dev.lifeline.outreach.sender;

import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The business as the sender of its e-mail: display name, From address, Reply-To. */
@Path("/api/v1/tenant/sender")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sender identity", description = "How the business's e-mail names its sender")
public class SenderResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    SenderService senders;

    @GET
    @Operation(summary = "The sender identity and the From header it gives")
    public SenderView get() {
        return senders.get(tenant.id());
    }

    @PUT
    @Operation(
            summary = "Replace the sender identity",
            description =
                    "An absent field is cleared. fromAddress must be on a verified sending domain of the business; "
                            + "without one, mail goes out from the service's address with this display name and Reply-To.")
    @APIResponse(responseCode = "200", description = "The identity as now in force")
    @APIResponse(responseCode = "400", description = "A field is malformed (problem JSON naming it)")
    @APIResponse(responseCode = "422", description = "fromAddress is not on a verified sending domain")
    public SenderView put(@NotNull @Valid SenderRequest request) {
        return senders.put(tenant.id(), request);
    }
}
