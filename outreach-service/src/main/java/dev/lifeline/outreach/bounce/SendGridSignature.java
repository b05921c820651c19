package dev.lifeline.outreach.bounce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * SendGrid's Signed Event Webhook: {@code X-Twilio-Email-Event-Webhook-Signature} is a base64 DER ECDSA (P-256,
 * SHA-256) signature over the {@code X-Twilio-Email-Event-Webhook-Timestamp} value followed by the raw body, verified
 * with the account's verification key (base64 DER SubjectPublicKeyInfo, as the SendGrid console shows it).
 */
public final class SendGridSignature {

    private final PublicKey key;

    /** @throws IllegalArgumentException when the configured key is not a base64 EC public key */
    public SendGridSignature(String verificationKey) {
        try {
            key = KeyFactory.getInstance("EC")
                    .generatePublic(
                            new X509EncodedKeySpec(Base64.getMimeDecoder().decode(verificationKey.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "lifeline.bounces.sendgrid.verification-key is not a base64 EC public key", e);
        }
    }

    public boolean valid(String timestamp, byte[] body, String signature) {
        if (timestamp == null
                || signature == null
                || timestamp.isBlank()
                || signature.isBlank()
                || signature.length() > 512) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body == null ? new byte[0] : body);
            return verifier.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
