package dev.lifeline.contact.profile;

import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** {@code GET /api/v1/contacts/counts}: the business's contacts counted per channel and consent state. */
@Path("/api/v1/contacts/counts")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class ContactCountsResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ContactRepository contacts;

    @GET
    public ContactCounts counts() {
        return contacts.counts(UUID.fromString(tenant.id()));
    }
}
