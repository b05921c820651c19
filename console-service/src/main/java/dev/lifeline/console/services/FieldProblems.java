package dev.lifeline.console.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's RFC 9457 problem answer as messages per field, so that a page can show each next to its field. The
 * services name fields as their JSON does ({@code quietHours.start}, {@code whatsappTemplate.name}); a problem that
 * names none lands under {@link #GENERAL}.
 */
public final class FieldProblems {

    /** The key of a message that belongs to no single field. */
    public static final String GENERAL = "";

    private FieldProblems() {}

    public static Map<String, String> of(ServiceHttp.Reply reply) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (JsonNode error : reply.body().path("errors")) {
            String field = error.path("field").asText(GENERAL);
            String message = error.path("message").asText("is not valid");
            messages.merge(field, message, (a, b) -> a + "; " + b);
        }
        if (messages.isEmpty()) {
            String detail = reply.body().path("detail").asText("");
            messages.put(
                    GENERAL, detail.isBlank() ? "The service refused this (HTTP " + reply.status() + ")." : detail);
        }
        return messages;
    }
}
