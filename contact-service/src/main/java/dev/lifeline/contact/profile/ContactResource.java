package dev.lifeline.contact.profile;

import dev.lifeline.contact.consent.ConsentLedger;
import dev.lifeline.contact.consent.ConsentProof;
import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.Ids;
import dev.lifeline.contact.optin.CaptureService.TooManyRequests;
import dev.lifeline.contact.optin.ConfirmationMailer;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Contacts of the calling tenant. Another tenant's id is answered 404, exactly like an id that never existed. */
@Path("/api/v1/contacts")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    /** Set on a create that merged into an existing contact (answered 200 instead of 201). */
    public static final String MERGED_HEADER = "X-Lifeline-Merged";

    @Inject
    CurrentTenant tenant;

    @Inject
    ContactService contacts;

    @Inject
    ContactRepository repository;

    @Inject
    EntityManager em;

    @Inject
    ContactLister lister;

    @Inject
    ConfirmationMailer mailer;

    @Inject
    ConsentLedger ledger;

    @POST
    public Response create(@NotNull @Valid ContactInput input) {
        UUID tenantId = UUID.fromString(tenant.id());
        ConsentPolicy.Consent consent = apiConsent(input.consentText());
        ContactService.Upsert result = UniqueRetry.once(() -> contacts.upsert(tenantId, input, consent));
        URI location = URI.create("/api/v1/contacts/" + result.contact().id);
        if (result.merged()) {
            return Response.ok(ContactView.of(result.contact()))
                    .location(location)
                    .header(MERGED_HEADER, "true")
                    .build();
        }
        return Response.created(location)
                .entity(ContactView.of(result.contact()))
                .build();
    }

    @GET
    public ContactPage list(
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @QueryParam("tag") String tag,
            @QueryParam("consent") List<String> consent,
            @QueryParam("updatedSince") String updatedSince,
            @QueryParam("q") String q) {
        ContactQuery query = ContactQuery.parse(cursor, limit, tag, consent, updatedSince, q);
        ContactLister.Page page = lister.list(UUID.fromString(tenant.id()), query);
        return new ContactPage(page.items().stream().map(ContactView::of).toList(), page.nextCursor());
    }

    public record ContactPage(List<ContactView> items, String nextCursor) {}

    @GET
    @Path("{id}/consents")
    public ConsentProof consents(@PathParam("id") String id) {
        Contact contact = repository
                .findIncludingErased(UUID.fromString(tenant.id()), Ids.parse(id))
                .orElseThrow(() -> ProblemException.notFound("Contact"));
        return ConsentProof.of(contact, ledger.of(contact));
    }

    @GET
    @Path("{id}")
    public ContactView get(@PathParam("id") String id) {
        return ContactView.of(contacts.require(UUID.fromString(tenant.id()), Ids.parse(id), false));
    }

    @PATCH
    @Path("{id}")
    public ContactView patch(@PathParam("id") String id, @NotNull @Valid ContactInput input) {
        UUID tenantId = UUID.fromString(tenant.id());
        ConsentPolicy.Consent consent = apiConsent(input.consentText());
        return ContactView.of(contacts.patch(tenantId, Ids.parse(id), input, consent));
    }

    /** Sends the double opt-in e-mail again; at most once per contact per resend interval (else 429). */
    @POST
    @Path("{id}/resend-confirmation")
    public Response resendConfirmation(@PathParam("id") String id) {
        UUID tenantId = UUID.fromString(tenant.id());
        Contact contact = contacts.require(tenantId, Ids.parse(id), false);
        Set<ContactChannel> pending = EnumSet.noneOf(ContactChannel.class);
        for (ContactChannel channel : ContactChannel.values()) {
            if (contact.consent(channel) == ConsentStatus.PENDING) {
                pending.add(channel);
            }
        }
        if (pending.isEmpty() || contact.email == null) {
            throw ProblemException.field(409, "consents", "nothing awaits confirmation by e-mail");
        }
        if (!mailer.send(em.find(Tenant.class, tenantId), contact, pending)) {
            throw new TooManyRequests(mailer.resendIntervalSeconds());
        }
        return Response.accepted().build();
    }

    @DELETE
    @Path("{id}")
    public Response erase(@PathParam("id") String id) {
        contacts.erase(UUID.fromString(tenant.id()), Ids.parse(id));
        return Response.noContent().build();
    }

    /** Consent given through the API: the business asserts it, with its own wording or else the tenant's. */
    private static ConsentPolicy.Consent apiConsent(String text) {
        return new ConsentPolicy.Consent(
                ConsentSource.api(), ConsentPolicy.Grant.ASSERTED, text, text == null ? null : "api");
    }
}
