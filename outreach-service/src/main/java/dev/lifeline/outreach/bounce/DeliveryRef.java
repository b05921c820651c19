package dev.lifeline.outreach.bounce;

import dev.lifeline.outreach.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reference an e-mail carries back to its delivery row: {@code <run id>.<contact id>.<mac>} in the
 * {@code X-Lifeline-Ref} header (and SendGrid's {@code lifeline_ref} unique argument). A bounce can reach the bounce
 * mailbox from anyone, and run and contact ids appear in the Message-ID, so only the MAC (HMAC-SHA256 under the
 * link-signing key, its own label so that no unsubscribe token doubles as a reference) makes a bounce count: a
 * forged one cannot withdraw a stranger's consent. The ids are pseudonymous; no address or name is in it.
 */
public final class DeliveryRef {

    /** Which delivery (run, contact; the channel is e-mail). */
    public record Target(UUID runId, String contactId) {}

    public static final String HEADER = "X-Lifeline-Ref";
    private static final String LABEL = "lifeline delivery reference v1\n";
    private static final int MAC_BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[0-9a-fA-F-]{36}\\.[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public DeliveryRef(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("lifeline.link-signing-key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(UUID runId, String contactId) {
        return sign(runId + "." + contactId);
    }

    /** @param messageKey {@code <run id>.<contact id>}, the key a delivery's Message-ID is made of */
    public String sign(String messageKey) {
        return messageKey + "." + ENC.encodeToString(mac(messageKey));
    }

    /** @return the delivery a reference names, or empty when it is malformed or not minted with this key */
    public Optional<Target> verify(String ref) {
        if (ref == null || !SHAPE.matcher(ref.strip()).matches()) {
            return Optional.empty();
        }
        String value = ref.strip();
        int last = value.lastIndexOf('.');
        String payload = value.substring(0, last);
        if (!MessageDigest.isEqual(
                value.substring(last + 1).getBytes(StandardCharsets.US_ASCII),
                ENC.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int dot = payload.indexOf('.');
        try {
            return Optional.of(new Target(UUID.fromString(payload.substring(0, dot)), payload.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        return Arrays.copyOf(Hmac.sha256(key, LABEL + payload), MAC_BYTES);
    }
}
