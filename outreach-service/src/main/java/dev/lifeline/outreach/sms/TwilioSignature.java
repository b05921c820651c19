package dev.lifeline.outreach.sms;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the account's auth token,
 * over the URL Twilio called followed by every POST parameter's name and value, sorted by name. Only Twilio (and
 * whoever holds the auth token) can make one, so a valid signature is what lets a public callback change the ledger.
 */
public final class TwilioSignature {

    private TwilioSignature() {}

    public static String of(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** Compared in constant time, so that the check tells an attacker nothing about how close a guess was. */
    public static boolean valid(String authToken, String url, Map<String, String> params, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        of(authToken, url, params).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
    }
}
