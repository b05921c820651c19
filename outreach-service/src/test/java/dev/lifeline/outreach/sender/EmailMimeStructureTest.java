package dev.lifeline.outreach.sender;

import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.TestBus;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.email.EmailSender;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import static dev.lifeline.outreach.sender.SenderSetup.putSender;
import static dev.lifeline.outreach.sender.SenderSetup.verifiedDomain;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SMTP server receives: an HTML campaign as multipart/alternative with the text part first (so a client that
 * shows no HTML shows the text), and the business's name and Reply-To, whichever way the message went out.
 */
@QuarkusTest
class EmailMimeStructureTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    EmailSender sender;

    private static final RenderedMessage HTML_CAMPAIGN = new RenderedMessage(
            "Instagram is down",
            "Hi Ada, order at https://shop.example\n",
            "<p>Hi Ada, order at <a href=\"https://shop.example\">our shop</a></p>",
            "https://outreach.test/unsubscribe/tok");

    @Test
    void anHtmlCampaignFromTheServiceAddressIsMultipartAlternativeWithTheTextFirst() throws Exception {
        String tenant = newTenant(null);
        CapturedMail mail =
                SignedMail.send(sender, stack, tenant, "mime-plain-" + TestBus.uid() + "@example.com", HTML_CAMPAIGN);

        assertAlternative(mail);
        assertThat(mail.header("DKIM-Signature")).isNull();
    }

    @Test
    void anHtmlCampaignSignedOnTheBusinessDomainIsMultipartAlternativeWithTheTextFirst() throws Exception {
        String tenant = newTenant("mime.shop.example");
        CapturedMail mail =
                SignedMail.send(sender, stack, tenant, "mime-signed-" + TestBus.uid() + "@example.com", HTML_CAMPAIGN);

        assertAlternative(mail);
        assertThat(mail.header("DKIM-Signature")).contains("d=mime.shop.example");
    }

    @Test
    void withoutAVerifiedDomainTheMailNamesTheBusinessFromTheServiceAddressWithItsReplyTo() {
        String tenant = newTenant(null);
        CapturedMail mail =
                SignedMail.send(sender, stack, tenant, "mime-name-" + TestBus.uid() + "@example.com", HTML_CAMPAIGN);

        assertThat(mail.from()).isEqualTo("\"Ada's Shop, Berlin\" <lifeline@localhost>");
        assertThat(mail.header("Reply-To")).isEqualTo("hello@ada-shop.example");
    }

    private static void assertAlternative(CapturedMail mail) throws Exception {
        MimeMessage parsed =
                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.raw()));
        assertThat(parsed.isMimeType("multipart/alternative"))
                .as(parsed.getContentType())
                .isTrue();
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain"))
                .as(parts.getBodyPart(0).getContentType())
                .isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html"))
                .as(parts.getBodyPart(1).getContentType())
                .isTrue();
        assertThat(String.valueOf(parts.getBodyPart(0).getContent())).contains("Hi Ada, order at https://shop.example");
        assertThat(String.valueOf(parts.getBodyPart(1).getContent())).contains("<a href=\"https://shop.example\">");
    }

    /** A business with a display name and Reply-To, and a verified From domain when one is given. */
    private String newTenant(String domain) {
        String tenant = "t-" + TestBus.uid();
        String key = TestBus.newTenant(TestBus.companion(stack.kafka().bootstrapServers()), tenant);
        if (domain != null) {
            verifiedDomain(key, domain);
        }
        putSender(key, "Ada's Shop, Berlin", domain == null ? null : "news@" + domain, "hello@ada-shop.example")
                .statusCode(200);
        return tenant;
    }
}
