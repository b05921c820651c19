package dev.lifeline.kit.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tenant API keys. A key carries 256 random bits, so a plain SHA-256 is a safe way to store it (no salt or slow hash
 * is needed against guessing) and lets any service look a key up by its hash.
 */
public final class ApiKeys {

    public static final String PREFIX = "ll_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys of the wrong shape are refused before any lookup. */
    public static boolean looksValid(String key) {
        return key != null
                && key.startsWith(PREFIX)
                && key.length() == PREFIX.length() + 43
                && key.substring(PREFIX.length())
                        .chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
