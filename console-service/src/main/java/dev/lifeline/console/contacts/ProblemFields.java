package dev.lifeline.console.contacts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns contact-service's RFC 9457 problem ({@code errors[].field}, {@code errors[].message}) into messages next to
 * the console's form fields. Its field names are the JSON names ({@code email}, {@code consents.sms},
 * {@code create.input.tags[3]}); whatever matches no form field is shown above the form under {@link #FORM}.
 */
public final class ProblemFields {

    /** The key of a message that belongs to the whole form. */
    public static final String FORM = "form";

    private static final Map<String, String> ALIASES =
            Map.of("consents.email", "emailConsent", "consents.sms", "smsConsent");

    private ProblemFields() {}

    public static Map<String, String> toForm(JsonNode problem, Collection<String> formFields) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            String field = formField(error.path("field").asText(""), formFields);
            messages.putIfAbsent(field, sentence(error.path("message").asText("is not valid")));
        }
        if (messages.isEmpty()) {
            String detail = problem.path("detail").asText("");
            messages.put(
                    FORM,
                    detail.isBlank()
                            ? "Lifeline could not save this. Check the fields and try again."
                            : sentence(detail));
        }
        return messages;
    }

    static String formField(String field, Collection<String> formFields) {
        String plain = field.replaceAll("\\[\\d+]", "");
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            if (plain.endsWith(alias.getKey()) && formFields.contains(alias.getValue())) {
                return alias.getValue();
            }
        }
        String last = plain.substring(plain.lastIndexOf('.') + 1);
        return formFields.contains(last) ? last : FORM;
    }

    /** contact-service says "not a valid e-mail address"; the page says "Not a valid e-mail address." */
    static String sentence(String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            return "Not valid.";
        }
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
