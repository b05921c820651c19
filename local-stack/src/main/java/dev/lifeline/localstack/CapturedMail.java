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
 * @param raw the message exactly as the server received it (headers and body, CRLF line ends), for tests that must
 *        check bytes rather than decoded text, e.g. a DKIM signature or the MIME structure; empty when unreadable
 */
public record CapturedMail(
        String from,
        List<String> to,
        String subject,
        Map<String, String> headers,
        String text,
        String html,
        Instant receivedAt,
        byte[] raw) {

    public CapturedMail {
        to = List.copyOf(to);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        raw = raw == null ? new byte[0] : raw.clone();
    }

    public CapturedMail(
            String from,
            List<String> to,
            String subject,
            Map<String, String> headers,
            String text,
            String html,
            Instant receivedAt) {
        this(from, to, subject, headers, text, html, receivedAt, null);
    }

    /** A copy: the captured bytes stay as received. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Header lookup ignoring case, as mail header names are case-insensitive. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
