package dev.lifeline.localstack;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message as the SMTP server received it.
 *
 * @param from the From header, decoded (e.g. {@code Lifeline <lifeline@localhost>})
 * @param to the envelope recipients (RCPT TO): everyone it was delivered to, Bcc included
 * @param subject decoded subject, or {@code null}
 * @param headers every header, decoded; repeated headers joined with {@code ", "}
 * @param text the first text/plain part, or {@code null}; line ends as {@code \n}
 * @param html the first text/html part, or {@code null}; line ends as {@code \n}; untrusted markup,
 *        escape before showing
 * @param receivedAt when the server accepted it
 */
public record CapturedMail(String from, List<String> to, String subject, Map<String, String> headers,
        String text, String html, Instant receivedAt) {

    public CapturedMail {
        to = List.copyOf(to);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Header lookup ignoring case, as mail header names are case-insensitive. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
