package dev.lifeline.outreach.bounce;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryRefAndSignatureTest {

    private final DeliveryRef refs = new DeliveryRef("test-link-signing-key");

    @Test
    void aReferenceNamesItsDeliveryAndAnEditedOrForeignOneNamesNothing() {
        UUID run = UUID.randomUUID();
        String contact = UUID.randomUUID().toString();
        String ref = refs.sign(run, contact);
        assertThat(ref).isEqualTo(refs.sign(run + "." + contact));
        assertThat(refs.verify(ref)).contains(new DeliveryRef.Target(run, contact));
        assertThat(refs.verify(" " + ref + " ")).contains(new DeliveryRef.Target(run, contact));

        String otherContact = UUID.randomUUID().toString();
        assertThat(refs.verify(ref.replace(contact, otherContact))).isEmpty();
        assertThat(refs.verify(ref.substring(0, ref.length() - 1) + (ref.endsWith("A") ? "B" : "A")))
                .isEmpty();
        assertThat(new DeliveryRef("another-services-signing-key").verify(ref)).isEmpty();
        assertThat(refs.verify(null)).isEmpty();
        assertThat(refs.verify("")).isEmpty();
        assertThat(refs.verify("' OR 1=1 --")).isEmpty();
        assertThat(refs.verify("not-a-uuid-not-a-uuid-not-a-uuid-xxxx." + contact + "." + "A".repeat(22)))
                .isEmpty();
    }

    @Test
    void onlyAPostSignedWithSendGridsKeyOverThisTimestampAndBodyVerifies() {
        SendGridSignature verifier = new SendGridSignature(SendGridSigner.TEST_PUBLIC_KEY);
        String body = "[{\"event\":\"delivered\",\"smtp-id\":\"<a@b>\"}]";
        String signature = SendGridSigner.test().sign("1764669600", body);
        assertThat(verifier.valid("1764669600", body.getBytes(StandardCharsets.UTF_8), signature))
                .isTrue();

        assertThat(verifier.valid("1764669601", body.getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(verifier.valid("1764669600", (body + " ").getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(verifier.valid(
                        "1764669600",
                        body.getBytes(StandardCharsets.UTF_8),
                        SendGridSigner.stranger().sign("1764669600", body)))
                .isFalse();
        assertThat(verifier.valid(null, body.getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(verifier.valid("1764669600", body.getBytes(StandardCharsets.UTF_8), null))
                .isFalse();
        assertThat(verifier.valid("1764669600", body.getBytes(StandardCharsets.UTF_8), "%%%not base64"))
                .isFalse();
        assertThat(verifier.valid("1764669600", body.getBytes(StandardCharsets.UTF_8), "AAAA"))
                .isFalse();
    }

    @Test
    void aVerificationKeyThatIsNotAnEcPublicKeyIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SendGridSignature("not a key"))
                .hasMessageContaining("lifeline.bounces.sendgrid.verification-key");
    }
}
