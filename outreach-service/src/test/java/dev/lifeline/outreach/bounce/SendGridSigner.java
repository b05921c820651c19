package dev.lifeline.outreach.bounce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs Event Webhook posts as SendGrid does (ECDSA P-256 over timestamp + raw body, base64 DER signature), with the
 * private half of the test profile's {@code lifeline.bounces.sendgrid.verification-key}.
 */
public final class SendGridSigner {

    /** PKCS#8 of the test key pair; its public key is the one in application.properties' %test profile. */
    static final String TEST_PRIVATE_KEY =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgO9O+frJ6PkxjU1n1JdMifBPr5PuOqh2+xmQ8"
                    + "uiB49YChRANCAARrWwQJhNk0LhV3pF04LYkXZX3pX7bkjjtRPs2iDuG2u5KiKYiIxLP0eRqTs8AvCYqAMY+sCdn2/cyAikFGl1R6";

    public static final String TEST_PUBLIC_KEY =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEa1sECYTZNC4Vd6RdOC2JF2V96V+25I47UT7N"
                    + "og7htruSoimIiMSz9Hkak7PALwmKgDGPrAnZ9v3MgIpBRpdUeg==";

    private final PrivateKey key;

    private SendGridSigner(PrivateKey key) {
        this.key = key;
    }

    public static SendGridSigner test() {
        try {
            return new SendGridSigner(KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(TEST_PRIVATE_KEY))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key SendGrid never gave this service: what a forger would sign with. */
    public static SendGridSigner stranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new SendGridSigner(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(String timestamp, String body) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
