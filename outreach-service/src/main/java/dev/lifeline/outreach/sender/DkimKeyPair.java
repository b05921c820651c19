package dev.lifeline.outreach.sender;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/** A fresh RSA-2048 key for DKIM (RFC 8301: at least 1024 bits, 2048 recommended) and the selector it goes under. */
public record DkimKeyPair(String selector, String privateKeyPkcs8, String publicKeySpki) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * Selector {@code ll<yyyymmdd>-<8 hex>}: a DNS label that says who made it and when, and differs between two
     * rotations on the same day (and between two businesses that add the same domain on the same day).
     */
    public static DkimKeyPair generate(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            byte[] suffix = new byte[4];
            RANDOM.nextBytes(suffix);
            String selector = "ll" + LocalDate.now(clock).format(DAY) + "-"
                    + HexFormat.of().formatHex(suffix);
            Base64.Encoder base64 = Base64.getEncoder();
            return new DkimKeyPair(
                    selector,
                    base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    @Override
    public String toString() {
        return "DkimKeyPair[" + selector + "]";
    }
}
