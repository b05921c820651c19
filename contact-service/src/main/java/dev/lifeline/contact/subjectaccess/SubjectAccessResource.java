package dev.lifeline.contact.subjectaccess;

import dev.lifeline.contact.consent.ConsentEvent;
import dev.lifeline.contact.consent.ConsentLedger;
import dev.lifeline.contact.consent.ConsentProof;
import dev.lifeline.contact.input.Ids;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.profile.ContactRepository;
import dev.lifeline.contact.profile.ContactView;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR art. 15 in one call: what contact-service holds about a contact, what outreach-service holds (asked over HTTP
 * with the caller's key), and monitor-service's statement that it holds none. Another tenant's id answers 404.
 */
@Path("/api/v1/contacts/{id}/subject-access")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class SubjectAccessResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ContactRepository contacts;

    @Inject
    ConsentLedger ledger;

    @Inject
    OutreachClient outreach;

    @GET
    public SubjectAccessReport get(@PathParam("id") String id, @Context HttpHeaders headers) {
        UUID contactId = Ids.parse(id);
        if (contactId == null) {
            throw ProblemException.field(400, "id", "is not a contact id (a UUID)");
        }
        SubjectAccessReport.ContactSection own = contactSection(contactId);
        OutreachSection outreachSection = outreach.dataOf(contactId, credential(headers));
        return new SubjectAccessReport(
                contactId.toString(),
                Instant.now(),
                outreachSection.available(),
                own,
                outreachSection,
                SubjectAccessReport.MonitorSection.NONE);
    }

    private SubjectAccessReport.ContactSection contactSection(UUID contactId) {
        Contact contact = contacts.findIncludingErased(UUID.fromString(tenant.id()), contactId)
                .orElseThrow(() -> ProblemException.notFound("Contact"));
        List<ConsentEvent> lines = ledger.of(contact);
        SubjectAccessReport.Provenance provenance = new SubjectAccessReport.Provenance(
                contact.source,
                contact.createdAt,
                contact.updatedAt,
                contact.erasedAt,
                lines.stream().map(line -> line.source).toList());
        return new SubjectAccessReport.ContactSection(
                contact.erased(), ContactView.of(contact), ConsentProof.of(contact, lines), provenance);
    }

    /** The same key the caller authenticated with: outreach checks it against its own copy of the tenant's keys. */
    private static OutreachClient.Credential credential(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return new OutreachClient.Credential(HttpHeaders.AUTHORIZATION, authorization);
        }
        return new OutreachClient.Credential("X-Api-Key", headers.getHeaderString("X-Api-Key"));
    }
}
