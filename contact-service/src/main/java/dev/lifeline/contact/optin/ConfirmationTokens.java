package dev.lifeline.contact.optin;

import dev.lifeline.contact.profile.ConsentStates;
import dev.lifeline.events.contact.ContactChannel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signed, expiring confirmation links: {@code base64url(tenant|contact|channels|expiry).base64url(HMAC-SHA256)}.
 * The link carries no contact details, and nobody without the secret can forge or extend one.
 */
public final class ConfirmationTokens {

    public record Claims(UUID tenantId, UUID contactId, Set<ContactChannel> channels, Instant expiresAt) {}

    public sealed interface Verdict {
        record Valid(Claims claims) implements Verdict {}

        record Expired() implements Verdict {}

        record Invalid() implements Verdict {}
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] secret;

    public ConfirmationTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The link secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(Claims claims) {
        String channels =
                claims.channels().stream().map(ConsentStates::name).sorted().collect(Collectors.joining(","));
        String payload = claims.tenantId() + "|" + claims.contactId() + "|" + channels + "|"
                + claims.expiresAt().getEpochSecond();
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
    }

    public Verdict verify(String token, Instant now) {
        try {
            int dot = token == null ? -1 : token.indexOf('.');
            if (dot < 1 || token.length() > 512) {
                return new Verdict.Invalid();
            }
            byte[] body = B64D.decode(token.substring(0, dot));
            byte[] signature = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(body), signature)) {
                return new Verdict.Invalid();
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4) {
                return new Verdict.Invalid();
            }
            Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
            Arrays.stream(parts[2].split(","))
                    .filter(s -> !s.isEmpty())
                    .map(ConsentStates::channel)
                    .forEach(channels::add);
            Claims claims = new Claims(
                    UUID.fromString(parts[0]),
                    UUID.fromString(parts[1]),
                    channels,
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
            return now.isAfter(claims.expiresAt()) ? new Verdict.Expired() : new Verdict.Valid(claims);
        } catch (IllegalArgumentException e) {
            return new Verdict.Invalid();
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
