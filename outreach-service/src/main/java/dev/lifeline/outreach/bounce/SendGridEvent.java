package dev.lifeline.outreach.bounce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.kit.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event of a SendGrid Event Webhook post (a JSON array of them), reduced to what outreach keeps: which message
 * ({@code lifeline_ref}, the unique argument outreach sends in {@code X-SMTPAPI}, else {@code smtp-id}, the
 * Message-ID) and its receipt. Events that are no receipt (processed, deferred, open, click…) are kept as
 * {@code receipt == null} and change nothing.
 */
public record SendGridEvent(EmailReceipt receipt, String ref, String smtpId, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_EVENTS = 10_000;

    /** Parses the whole post before anything is written, so a malformed event refuses the post (400) as a whole. */
    public static List<SendGridEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.field(400, "body", "is not JSON: SendGrid posts an array of events");
        } catch (IOException e) {
            throw ProblemException.field(400, "body", "could not be read");
        }
        if (root == null || !root.isArray() || root.size() > MAX_EVENTS) {
            throw ProblemException.field(400, "body", "must be a JSON array of at most " + MAX_EVENTS + " events");
        }
        List<SendGridEvent> events = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            events.add(of(root.get(i), "[" + i + "]"));
        }
        return events;
    }

    static SendGridEvent of(JsonNode event, String at) {
        if (!event.isObject()) {
            throw ProblemException.field(400, at, "must be an event object");
        }
        String name = text(event, "event", at)
                .orElseThrow(() -> ProblemException.field(
                        400, at + ".event", "is required: the event type (delivered, bounce, …)"));
        String type = text(event, "type", at).orElse("bounce");
        EmailReceipt receipt = switch (name) {
            case "delivered" -> EmailReceipt.DELIVERED;
            // "blocked" is a refusal of this message (content, reputation), not of the address.
            case "bounce" -> "blocked".equals(type) ? EmailReceipt.UNDELIVERED : EmailReceipt.BOUNCED;
            case "dropped" -> EmailReceipt.UNDELIVERED;
            case "spamreport" -> EmailReceipt.COMPLAINED;
            default -> null;
        };
        String ref = text(event, "lifeline_ref", at).orElse(null);
        String smtpId = text(event, "smtp-id", at).orElse(null);
        String status = text(event, "status", at).orElse(null);
        String error = receipt == null || receipt == EmailReceipt.DELIVERED
                ? null
                : "sendgrid " + name + (receipt == EmailReceipt.BOUNCED || "blocked".equals(type) ? " " + type : "")
                        + (status == null ? "" : " " + status);
        return new SendGridEvent(receipt, ref, smtpId, error);
    }

    /** A field that must be a short string when present; contact details (email, reason) are never read. */
    private static Optional<String> text(JsonNode event, String field, String at) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().length() > 998) {
            throw ProblemException.field(400, at + "." + field, "must be a string of at most 998 characters");
        }
        return Optional.of(value.asText());
    }
}
