package dev.lifeline.console.session;

import java.time.Duration;
import java.time.Instant;

/**
 * A token for a mailed link (an invitation, a sign-in link): the token goes into the mail only, the database keeps its
 * hash and when it stops working. Plain, unit-tested without Quarkus.
 */
public record OneTimeToken(String token, String hash, Instant expiresAt) {

    /** Longer than any token {@link Tokens#random()} makes: such a value is not looked up at all. */
    private static final int MAX_LENGTH = 100;

    public static OneTimeToken issue(Instant now, Duration ttl) {
        String token = Tokens.random();
        return new OneTimeToken(token, Tokens.hash(token), now.plus(ttl));
    }

    /** A link works until (not at) its expiry. */
    public static boolean live(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether the value from a link can be a token at all (else it is not even hashed and looked up). */
    public static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }
}
