package dev.lifeline.outreach.unsubscribe;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.outreach.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Signed tokens for public links: they name tenant, contact and channel, and only this service can mint them (HMAC-SHA256
 * with the link-signing key), so a guessed or edited link is refused.
 */
public final class LinkSigner {

    public record Target(String tenantId, String contactId, ContactChannel channel) {}

    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private final byte[] key;

    public LinkSigner(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("lifeline.link-signing-key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(Target t) {
        String payload = ENC.encodeToString(
                (t.tenantId() + "\n" + t.contactId() + "\n" + t.channel().name().toLowerCase(Locale.ROOT))
                        .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENC.encodeToString(mac(payload));
    }

    public Optional<Target> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = DEC.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DEC.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(
                    new Target(parts[0], parts[1], ContactChannel.valueOf(parts[2].toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        return Hmac.sha256(key, payload);
    }
}
