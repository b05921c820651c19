package dev.lifeline.outreach.sender;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import dev.lifeline.outreach.email.EmailSender;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sends one message through the real send path to the test's SMTP server, and checks DKIM as a receiver would. */
final class SignedMail {

    private SignedMail() {}

    /** Sends to {@code to} as a contact of the tenant; returns the message as the SMTP server received it. */
    static CapturedMail send(
            EmailSender sender, LocalStack stack, String tenantId, String to, RenderedMessage message) {
        ProjectedContact contact = new ProjectedContact(
                tenantId,
                "c-" + to,
                "Ada",
                to,
                null,
                "de",
                "Europe/Berlin",
                List.of(),
                List.of(ContactChannel.EMAIL),
                Map.of(ContactChannel.EMAIL, ConsentStatus.CONFIRMED));
        SendResult result = sender.send(contact, message, "test." + to);
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> received(stack, to) != null);
        return received(stack, to);
    }

    private static CapturedMail received(LocalStack stack, String to) {
        return stack.mail().messages().stream()
                .filter(m -> m.to().contains(to))
                .findFirst()
                .orElse(null);
    }

    /**
     * The signatures that verify, with public keys from the fake DNS, by Apache James jDKIM (not the signer's code).
     *
     * @throws FailException when none does (a bad body hash or signature is a PermFailException)
     */
    static List<SignatureRecord> verify(byte[] raw) throws IOException, FailException {
        DKIMVerifier verifier =
                new DKIMVerifier((method, selector, domain) -> FakeDns.lookup(selector + "._domainkey." + domain));
        return verifier.verify(new ByteArrayInputStream(raw));
    }
}
