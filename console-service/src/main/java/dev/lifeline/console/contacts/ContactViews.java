package dev.lifeline.console.contacts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the contact pages show, read from contact-service's JSON. */
public final class ContactViews {

    private ContactViews() {}

    /** A contact in the list and at the top of its page. */
    public record Row(String id, String name, String email, String phone, String tags, Map<String, String> consents) {

        public String displayName() {
            return name.isEmpty() ? "(no name)" : name;
        }
    }

    /** The list page. {@code errors} holds a message for the search field that contact-service refused. */
    public record ListPage(
            String q,
            String tag,
            List<Row> rows,
            String nextUrl,
            boolean firstPage,
            boolean unavailable,
            Map<String, String> errors,
            String notice) {

        /** The first page of the same search. */
        public String firstUrl() {
            return ContactPages.listUrl(q, tag, null);
        }
    }

    /** One line of the consent ledger, as contact-service keeps it (IP and user agent gone after erasure). */
    public record LedgerLine(
            String occurredAt,
            String channel,
            String action,
            String status,
            String source,
            String consentText,
            String consentVersion,
            String ip,
            String userAgent) {}

    public record Detail(
            Row contact, boolean erased, Map<String, String> consents, List<LedgerLine> ledger, String notice) {}

    /** The add / edit form; {@code id} null while adding. */
    public record FormPage(String id, ContactForm form, Map<String, String> errors) {

        public boolean editing() {
            return id != null;
        }
    }

    static Row row(JsonNode c) {
        List<String> tags = new ArrayList<>();
        c.path("tags").forEach(t -> tags.add(t.asText()));
        Map<String, String> consents = new LinkedHashMap<>();
        c.path("consents")
                .fields()
                .forEachRemaining(e -> consents.put(e.getKey(), e.getValue().asText()));
        return new Row(
                c.path("id").asText(),
                text(c.path("name")),
                text(c.path("email")),
                text(c.path("phone")),
                String.join(", ", tags),
                consents);
    }

    static Detail detail(JsonNode contact, JsonNode proof, String notice) {
        Map<String, String> current = new LinkedHashMap<>();
        proof.path("current")
                .fields()
                .forEachRemaining(e -> current.put(e.getKey(), e.getValue().asText()));
        List<LedgerLine> ledger = new ArrayList<>();
        for (JsonNode line : proof.path("events")) {
            ledger.add(new LedgerLine(
                    text(line.path("occurredAt")),
                    text(line.path("channel")),
                    text(line.path("action")),
                    text(line.path("status")),
                    text(line.path("source")),
                    text(line.path("consentText")),
                    text(line.path("consentVersion")),
                    text(line.path("ip")),
                    text(line.path("userAgent"))));
        }
        return new Detail(row(contact), proof.path("erased").asBoolean(), current, ledger, notice);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "";
    }
}
