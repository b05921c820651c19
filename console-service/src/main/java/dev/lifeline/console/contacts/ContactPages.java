package dev.lifeline.console.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeline.console.services.ContactClient;
import dev.lifeline.console.services.ServiceHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contact pages' dealings with contact-service, with the business's own key: what it refuses comes back as
 * messages for the form, what it does not answer as {@link dev.lifeline.console.services.ServiceUnavailableException}.
 */
@ApplicationScoped
public class ContactPages {

    static final int PAGE_SIZE = 50;

    /** What saving the form came to. */
    public sealed interface Saved permits Saved.Done, Saved.Refused, Saved.Gone {
        /** {@code merged}: contact-service folded the new contact into one with the same e-mail or phone. */
        record Done(String id, boolean merged) implements Saved {}

        record Refused(Map<String, String> errors) implements Saved {}

        record Gone() implements Saved {}
    }

    private final ContactClient contacts;

    public ContactPages(ContactClient contacts) {
        this.contacts = contacts;
    }

    public ContactViews.ListPage list(String apiKey, String q, String tag, String cursor, String notice) {
        ServiceHttp.Reply reply = contacts.contacts(apiKey, q, tag, cursor, PAGE_SIZE);
        String shownQ = ContactForm.clean(q);
        String shownTag = ContactForm.clean(tag);
        if (reply.status() == 400) {
            Map<String, String> errors = ProblemFields.toForm(reply.body(), List.of("q", "tag", "cursor"));
            return new ContactViews.ListPage(shownQ, shownTag, List.of(), null, true, false, errors, notice);
        }
        if (!reply.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        List<ContactViews.Row> rows = new ArrayList<>();
        reply.body().path("items").forEach(c -> rows.add(ContactViews.row(c)));
        JsonNode next = reply.body().path("nextCursor");
        String nextUrl = next.isTextual() && !next.asText().isEmpty() ? listUrl(shownQ, shownTag, next.asText()) : null;
        return new ContactViews.ListPage(
                shownQ, shownTag, rows, nextUrl, cursor == null || cursor.isBlank(), false, Map.of(), notice);
    }

    public Optional<ContactViews.Detail> detail(String apiKey, UUID id, String notice) {
        ServiceHttp.Reply contact = contacts.contact(apiKey, id);
        if (contact.status() == 404) {
            return Optional.empty();
        }
        ServiceHttp.Reply proof = contacts.consentProof(apiKey, id);
        if (!contact.ok() || !proof.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + contact.status() + "/" + proof.status());
        }
        return Optional.of(ContactViews.detail(contact.body(), proof.body(), notice));
    }

    /** The contact's current form; empty for an unknown (or erased, or another business's) contact. */
    public Optional<ContactForm> form(String apiKey, UUID id) {
        ServiceHttp.Reply contact = contacts.contact(apiKey, id);
        if (contact.status() == 404) {
            return Optional.empty();
        }
        if (!contact.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + contact.status());
        }
        return Optional.of(ContactForm.of(contact.body()));
    }

    public Saved create(String apiKey, ContactForm form) {
        Map<String, String> problems = form.problems(true);
        if (!problems.isEmpty()) {
            return new Saved.Refused(problems);
        }
        ServiceHttp.Reply reply = contacts.createContact(apiKey, form.createBody());
        if (reply.status() == 201 || reply.status() == 200) {
            return new Saved.Done(reply.body().path("id").asText(), reply.status() == 200);
        }
        return refused(reply);
    }

    public Saved change(String apiKey, UUID id, ContactForm form) {
        Map<String, String> problems = form.problems(false);
        if (!problems.isEmpty()) {
            return new Saved.Refused(problems);
        }
        Optional<ContactForm> before = form(apiKey, id);
        if (before.isEmpty()) {
            return new Saved.Gone();
        }
        ServiceHttp.Reply reply = contacts.changeContact(apiKey, id, form.changeBody(before.get()));
        if (reply.ok()) {
            return new Saved.Done(id.toString(), false);
        }
        if (reply.status() == 404) {
            return new Saved.Gone();
        }
        return refused(reply);
    }

    /** True once erased; false for an unknown contact. */
    public boolean erase(String apiKey, UUID id) {
        ServiceHttp.Reply reply = contacts.eraseContact(apiKey, id);
        if (reply.status() == 404) {
            return false;
        }
        if (!reply.ok()) {
            throw new IllegalStateException("contact-service answered HTTP " + reply.status());
        }
        return true;
    }

    private static Saved refused(ServiceHttp.Reply reply) {
        if (reply.status() == 409) {
            return new Saved.Refused(Map.of(
                    "email",
                    "This e-mail address and this phone number belong to two different contacts. "
                            + "Change one of them, or edit the other contact."));
        }
        if (reply.status() == 400 || reply.status() == 422) {
            return new Saved.Refused(ProblemFields.toForm(reply.body(), ContactForm.FIELDS));
        }
        throw new IllegalStateException("contact-service answered HTTP " + reply.status());
    }

    /** The list page for a search, at {@code cursor} (null: the first page). */
    static String listUrl(String q, String tag, String cursor) {
        List<String> params = new ArrayList<>();
        if (!q.isEmpty()) {
            params.add("q=" + encode(q));
        }
        if (!tag.isEmpty()) {
            params.add("tag=" + encode(tag));
        }
        if (cursor != null) {
            params.add("cursor=" + encode(cursor));
        }
        return params.isEmpty() ? "/contacts" : "/contacts?" + String.join("&", params);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
