package dev.lifeline.outreach.sender;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Scenario;
import dev.lifeline.outreach.TestBus;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.email.EmailSender;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.lifeline.outreach.sender.SenderSetup.putSender;
import static dev.lifeline.outreach.sender.SenderSetup.verifiedDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Mail from a business's verified domain, sent through the real send path to the test's SMTP server, carries a DKIM
 * signature that an independent verifier (Apache James jDKIM) accepts with the public key from DNS, and rejects once
 * the message is altered.
 */
@QuarkusTest
class DkimSigningTest {

    private static final String DOMAIN = "dkim.shop.example";

    @InjectLocalStack
    LocalStack stack;

    @Inject
    EmailSender sender;

    @Inject
    DataSource db;

    static String tenant;

    @BeforeEach
    void business() {
        if (tenant == null) {
            String id = "t-" + TestBus.uid();
            String key = TestBus.newTenant(TestBus.companion(stack.kafka().bootstrapServers()), id);
            verifiedDomain(key, DOMAIN);
            putSender(key, "Ada's Shop, Berlin", "news@" + DOMAIN, "hello@" + DOMAIN)
                    .statusCode(200);
            tenant = id;
        }
    }

    private CapturedMail send(String to, String html) {
        return SignedMail.send(
                sender,
                stack,
                tenant,
                to,
                new RenderedMessage(
                        "We are still here for you, Ada",
                        "Hi Ada,\nInstagram is down. Order at https://shop.example or call us.\n",
                        html,
                        "https://outreach.test/unsubscribe/tok-" + to.hashCode()));
    }

    @Test
    void aTextMessageFromAVerifiedDomainVerifiesAndItsSignatureCoversTheHeadersThatMatter() throws Exception {
        CapturedMail mail = send("dkim-text-" + TestBus.uid() + "@example.com", null);

        List<SignatureRecord> valid = SignedMail.verify(mail.raw());

        assertThat(valid).hasSize(1);
        SignatureRecord signature = valid.get(0);
        assertThat(signature.getDToken().toString()).isEqualTo(DOMAIN);
        assertThat(signature.getHashAlgo().toString()).isEqualTo("sha-256");
        assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
        assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
        assertThat(signature.getHeaders().stream()
                        .map(h -> h.toString().toLowerCase(Locale.ROOT))
                        .toList())
                .contains("from", "subject", "reply-to", "message-id", "list-unsubscribe", "list-unsubscribe-post");
        assertThat(mail.header("From")).contains("Ada's Shop, Berlin").contains("<news@" + DOMAIN + ">");
        assertThat(mail.header("Reply-To")).isEqualTo("hello@" + DOMAIN);
        assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.header("DKIM-Signature"))
                .contains("a=rsa-sha256")
                .contains("c=relaxed/relaxed")
                .contains("d=" + DOMAIN);
    }

    @Test
    void anHtmlMessageFromAVerifiedDomainVerifiesToo() throws Exception {
        CapturedMail mail = send(
                "dkim-html-" + TestBus.uid() + "@example.com",
                "<p>Hi Ada, Instagram is down. <a href=\"https://shop.example\">Order here</a>.</p>");

        assertThat(SignedMail.verify(mail.raw())).hasSize(1);
        assertThat(mail.html()).contains("Order here");
    }

    @Test
    void aTamperedBodyFailsVerification() throws Exception {
        CapturedMail mail = send("dkim-tampered-" + TestBus.uid() + "@example.com", null);
        assertThat(SignedMail.verify(mail.raw())).hasSize(1);

        byte[] tampered = replace(mail.raw(), "call us", "call me");

        assertThatThrownBy(() -> SignedMail.verify(tampered)).isInstanceOf(PermFailException.class);
    }

    @Test
    void aTamperedSignedHeaderFailsVerification() throws Exception {
        CapturedMail mail = send("dkim-header-" + TestBus.uid() + "@example.com", null);

        byte[] tampered = replace(mail.raw(), "We are still here for you", "Send your password to us");

        assertThatThrownBy(() -> SignedMail.verify(tampered)).isInstanceOf(PermFailException.class);
    }

    @Test
    void anOutageCampaignOfABusinessWithAVerifiedDomainReachesItsCustomersSigned() throws Exception {
        Scenario s = new Scenario(stack, db);
        verifiedDomain(s.key, "outage." + DOMAIN);
        putSender(s.key, "Ada's Shop", "news@outage." + DOMAIN, null).statusCode(200);
        s.contacts(Map.of("ada", ConsentStatus.CONFIRMED));
        s.createCampaign(s.emailCampaign("PT0S"));

        TestBus.send(s.kafka, Topics.PLATFORM_OUTAGES, TestBus.outage("o-" + s.marker, s.platform));

        await().atMost(Duration.ofSeconds(60)).until(() -> s.mailsTo("ada").size() == 1);
        CapturedMail mail = s.mailsTo("ada").get(0);
        List<SignatureRecord> valid = SignedMail.verify(mail.raw());
        assertThat(valid).hasSize(1);
        assertThat(valid.get(0).getDToken().toString()).isEqualTo("outage." + DOMAIN);
        assertThat(mail.from()).contains("<news@outage." + DOMAIN + ">");
    }

    private static byte[] replace(byte[] raw, String from, String to) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
