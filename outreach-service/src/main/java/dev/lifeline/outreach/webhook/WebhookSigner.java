package dev.lifeline.outreach.webhook;

import dev.lifeline.outreach.Hmac;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * {@code X-Lifeline-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}; the timestamp is sent in
 * {@code X-Lifeline-Timestamp} so a receiver can refuse replays of old calls.
 */
public final class WebhookSigner {

    private WebhookSigner() {}

    public static String signature(String secret, long timestamp, String body) {
        return "sha256="
                + HexFormat.of()
                        .formatHex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
    }
}
