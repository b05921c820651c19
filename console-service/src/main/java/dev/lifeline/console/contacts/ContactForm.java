package dev.lifeline.console.contacts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The add / edit form as typed: every field a string, tags comma-separated, the two consent boxes. Checks here are
 * the ones a person can fix without asking contact-service (lengths, nothing to reach the customer by); whether an
 * address or number is valid is contact-service's call, and its answer comes back next to the field.
 */
public record ContactForm(
        String name, String email, String phone, String tags, boolean emailConsent, boolean smsConsent) {

    /** The form fields a message can stand next to; anything else goes above the form. */
    public static final List<String> FIELDS = List.of("name", "email", "phone", "tags", "emailConsent", "smsConsent");

    static final int MAX_TAGS = 50;

    public static ContactForm empty() {
        return new ContactForm("", "", "", "", false, false);
    }

    /** The form of an existing contact (contact-service's JSON): consent counts as given while pending or confirmed. */
    public static ContactForm of(JsonNode contact) {
        List<String> tags = new ArrayList<>();
        contact.path("tags").forEach(t -> tags.add(t.asText()));
        return new ContactForm(
                text(contact.path("name")),
                text(contact.path("email")),
                text(contact.path("phone")),
                String.join(", ", tags),
                given(contact.path("consents").path("email").asText()),
                given(contact.path("consents").path("sms").asText()));
    }

    static boolean given(String state) {
        return "confirmed".equals(state) || "pending".equals(state);
    }

    public List<String> tagList() {
        return Arrays.stream(clean(tags).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    /** Field name to message; empty when the form may go to contact-service. */
    public Map<String, String> problems(boolean creating) {
        Map<String, String> problems = new LinkedHashMap<>();
        tooLong(problems, "name", name, 200, "A name");
        tooLong(problems, "email", email, 320, "An e-mail address");
        tooLong(problems, "phone", phone, 40, "A phone number");
        if (creating && clean(email).isEmpty() && clean(phone).isEmpty()) {
            problems.put("email", "Enter an e-mail address or a phone number (or both).");
        }
        if (emailConsent && clean(email).isEmpty()) {
            problems.putIfAbsent("email", "E-mail consent needs an e-mail address.");
        }
        if (smsConsent && clean(phone).isEmpty()) {
            problems.putIfAbsent("phone", "SMS consent needs a phone number.");
        }
        List<String> tagList = tagList();
        if (tagList.size() > MAX_TAGS) {
            problems.put("tags", "At most " + MAX_TAGS + " tags.");
        } else if (tagList.stream().anyMatch(t -> t.length() > 64)) {
            problems.put("tags", "A tag can be at most 64 characters long.");
        }
        return problems;
    }

    /** contact-service's body for a new contact: consent ticked = the business asserts the person agreed. */
    public Map<String, Object> createBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfGiven(body, "name", name);
        putIfGiven(body, "email", email);
        putIfGiven(body, "phone", phone);
        if (!tagList().isEmpty()) {
            body.put("tags", tagList());
        }
        body.put("consents", Map.of("email", emailConsent, "sms", smsConsent));
        return body;
    }

    /**
     * contact-service's PATCH body against the contact as it is now: a field left empty stays as it is (contact-service
     * has no "remove the e-mail address"), the tags are replaced, and a consent box only counts when it changed, so
     * that saving a name does not re-grant or withdraw anything.
     */
    public Map<String, Object> changeBody(ContactForm before) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfGiven(body, "name", name);
        putIfGiven(body, "email", email);
        putIfGiven(body, "phone", phone);
        if (!tagList().equals(before.tagList())) {
            body.put("tags", tagList());
        }
        Map<String, Object> consents = new LinkedHashMap<>();
        if (emailConsent != before.emailConsent) {
            consents.put("email", emailConsent);
        }
        if (smsConsent != before.smsConsent) {
            consents.put("sms", smsConsent);
        }
        if (!consents.isEmpty()) {
            body.put("consents", consents);
        }
        return body;
    }

    private static void tooLong(Map<String, String> problems, String field, String value, int max, String what) {
        if (clean(value).length() > max) {
            problems.put(field, what + " can be at most " + max + " characters long.");
        }
    }

    private static void putIfGiven(Map<String, Object> body, String field, String value) {
        if (!clean(value).isEmpty()) {
            body.put(field, clean(value));
        }
    }

    static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "";
    }
}
