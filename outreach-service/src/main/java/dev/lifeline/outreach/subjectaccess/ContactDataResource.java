package dev.lifeline.outreach.subjectaccess;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * What outreach holds about one contact, for contact-service's subject access request. A contact outreach holds
 * nothing about (never heard of, erased, or another tenant's) answers 404.
 */
@Path("/api/v1/contacts/{id}/data")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class ContactDataResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ContactDataStore store;

    @GET
    public ContactData get(@PathParam("id") String id) {
        ContactData data = store.find(tenant.id(), contactId(id));
        if (data.holdsNothing()) {
            throw ProblemException.notFound("Contact");
        }
        return data;
    }

    /** Contact ids are contact-service's UUIDs; anything else is a malformed request, named as such. */
    private static String contactId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id).toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.field(400, "id", "is not a contact id (a UUID)");
    }
}
