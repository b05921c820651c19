package dev.lifeline.console.contacts;

import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.session.Sessions;
import dev.lifeline.console.web.CsrfToken;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The Contacts pages: search and page, add, edit, a contact with its consent proof, erasure. */
@Path("/contacts")
@Produces(MediaType.TEXT_HTML)
public class ContactsResource {

    private static final Logger LOG = Logger.getLogger(ContactsResource.class);
    private static final Map<String, String> NOTICES = Map.of(
            "added", "Contact added.",
            "merged",
                    "This person was already in your list (same e-mail or phone); the new details were added to them.",
            "saved", "Changes saved.",
            "erased", "The contact was erased. Their consent proof is kept, anonymised.");

    private final Template contacts;
    private final Template contactForm;
    private final Template contactDetail;
    private final Template contactErase;
    private final Template error;
    private final SignedIn signedIn;
    private final ContactPages pages;
    private final CsrfToken csrf;

    public ContactsResource(
            Template contacts,
            Template contactForm,
            Template contactDetail,
            Template contactErase,
            Template error,
            SignedIn signedIn,
            ContactPages pages,
            CsrfToken csrf) {
        this.contacts = contacts;
        this.contactForm = contactForm;
        this.contactDetail = contactDetail;
        this.contactErase = contactErase;
        this.error = error;
        this.signedIn = signedIn;
        this.pages = pages;
        this.csrf = csrf;
    }

    @GET
    public Response list(
            @RestCookie(Sessions.COOKIE) String session,
            @RestQuery String q,
            @RestQuery String tag,
            @RestQuery String cursor,
            @RestQuery String done) {
        return page(
                session,
                200,
                caller -> contacts.data("page", pages.list(caller.apiKey(), q, tag, cursor, notice(done))));
    }

    @GET
    @Path("new")
    public Response addForm(@RestCookie(Sessions.COOKIE) String session) {
        return page(session, 200, caller -> form(new ContactViews.FormPage(null, ContactForm.empty(), Map.of())));
    }

    @POST
    public Response add(
            @RestCookie(Sessions.COOKIE) String session,
            @RestForm String csrf,
            @RestForm String name,
            @RestForm String email,
            @RestForm String phone,
            @RestForm String tags,
            @RestForm String emailConsent,
            @RestForm String smsConsent) {
        this.csrf.verify(csrf);
        ContactForm form = new ContactForm(name, email, phone, tags, emailConsent != null, smsConsent != null);
        return signedIn(session, caller -> saved(pages.create(caller.apiKey(), form), null, form));
    }

    @GET
    @Path("{id}")
    public Response detail(@RestCookie(Sessions.COOKIE) String session, @RestPath String id, @RestQuery String done) {
        Optional<UUID> contactId = uuid(id);
        if (contactId.isEmpty()) {
            return signedIn(session, caller -> notFound());
        }
        return signedIn(
                session,
                caller -> pages.detail(caller.apiKey(), contactId.get(), notice(done))
                        .map(detail ->
                                html(200, contactDetail.data("view", detail).data("signedIn", true)))
                        .orElseGet(this::notFound));
    }

    @GET
    @Path("{id}/edit")
    public Response editForm(@RestCookie(Sessions.COOKIE) String session, @RestPath String id) {
        Optional<UUID> contactId = uuid(id);
        return signedIn(
                session,
                caller -> contactId
                        .flatMap(uuid -> pages.form(caller.apiKey(), uuid))
                        .map(form -> html(
                                200,
                                form(new ContactViews.FormPage(contactId.get().toString(), form, Map.of()))))
                        .orElseGet(this::notFound));
    }

    @POST
    @Path("{id}")
    public Response edit(
            @RestCookie(Sessions.COOKIE) String session,
            @RestPath String id,
            @RestForm String csrf,
            @RestForm String name,
            @RestForm String email,
            @RestForm String phone,
            @RestForm String tags,
            @RestForm String emailConsent,
            @RestForm String smsConsent) {
        this.csrf.verify(csrf);
        Optional<UUID> contactId = uuid(id);
        if (contactId.isEmpty()) {
            return signedIn(session, caller -> notFound());
        }
        ContactForm form = new ContactForm(name, email, phone, tags, emailConsent != null, smsConsent != null);
        return signedIn(
                session,
                caller -> saved(
                        pages.change(caller.apiKey(), contactId.get(), form),
                        contactId.get().toString(),
                        form));
    }

    @GET
    @Path("{id}/erase")
    public Response eraseConfirmation(@RestCookie(Sessions.COOKIE) String session, @RestPath String id) {
        Optional<UUID> contactId = uuid(id);
        return signedIn(
                session,
                caller -> contactId
                        .flatMap(uuid -> pages.detail(caller.apiKey(), uuid, null))
                        .map(detail ->
                                html(200, contactErase.data("view", detail).data("signedIn", true)))
                        .orElseGet(this::notFound));
    }

    @POST
    @Path("{id}/erase")
    public Response erase(@RestCookie(Sessions.COOKIE) String session, @RestPath String id, @RestForm String csrf) {
        this.csrf.verify(csrf);
        Optional<UUID> contactId = uuid(id);
        return signedIn(
                session,
                caller -> contactId.isPresent() && pages.erase(caller.apiKey(), contactId.get())
                        ? seeOther("/contacts?done=erased")
                        : notFound());
    }

    /** After a save: to the contact's page, or the form again with a message next to each refused field. */
    private Response saved(ContactPages.Saved saved, String id, ContactForm form) {
        if (saved instanceof ContactPages.Saved.Done done) {
            return seeOther(
                    "/contacts/" + done.id() + "?done=" + (id != null ? "saved" : done.merged() ? "merged" : "added"));
        }
        if (saved instanceof ContactPages.Saved.Refused refused) {
            return html(400, form(new ContactViews.FormPage(id, form, refused.errors())));
        }
        return notFound();
    }

    private TemplateInstance form(ContactViews.FormPage page) {
        return contactForm.data("view", page).data("signedIn", true);
    }

    private Response page(String session, int status, Function<SignedIn.Caller, TemplateInstance> render) {
        return signedIn(session, caller -> html(status, render.apply(caller).data("signedIn", true)));
    }

    /** Runs the page for a signed-in caller; anyone else goes to sign-in, a silent contact-service gets a 503 page. */
    private Response signedIn(String session, Function<SignedIn.Caller, Response> handler) {
        Optional<SignedIn.Caller> caller = signedIn.caller(session);
        if (caller.isEmpty()) {
            return seeOther("/signin");
        }
        try {
            return handler.apply(caller.get());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("Contacts page without contact-service: %s", e.getMessage());
            return html(
                    503,
                    error.data("title", "Your contacts are not available right now")
                            .data(
                                    "message",
                                    "Lifeline's contact list did not answer. Nothing was changed; try again in a moment.")
                            .data("status", 503)
                            .data("signedIn", true));
        }
    }

    private Response notFound() {
        return html(
                404,
                error.data("title", "Contact not found")
                        .data("message", "There is no such contact in your list. It may have been erased.")
                        .data("status", 404)
                        .data("signedIn", true));
    }

    private static String notice(String done) {
        return done == null ? null : NOTICES.get(done);
    }

    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(page.render())
                .build();
    }
}
