package dev.lifeline.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MailCatcherTest {

    static MailCatcher mail;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        mail = MailCatcher.start(0, 0);
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    @BeforeEach
    void clear() {
        mail.clear();
    }

    @Test
    void aMailToSeveralRecipientsIsCapturedOnceWithItsEnvelopeRecipientsAndBothBodies() throws Exception {
        Instant before = Instant.now();
        send(
                mail.smtpPort(),
                message(
                        mail.smtpPort(),
                        "Check-in <b>missed</b> \u2013 Ana",
                        "Please call Ana.",
                        "<p>Please <b>call</b> Ana.</p><script>alert(1)</script>"));

        assertThat(mail.awaitCount(1, Duration.ofSeconds(10))).isTrue();
        List<CapturedMail> messages = mail.messages();
        assertThat(messages).hasSize(1);
        CapturedMail m = messages.get(0);
        assertThat(m.from()).isEqualTo("Lifeline <lifeline@localhost>");
        assertThat(m.to()).containsExactlyInAnyOrder("alice@example.org", "bob@example.org", "hidden@example.org");
        assertThat(m.subject()).isEqualTo("Check-in <b>missed</b> \u2013 Ana");
        assertThat(m.text()).isEqualTo("Please call Ana.");
        assertThat(m.html()).contains("<b>call</b>");
        assertThat(m.header("to")).isEqualTo("alice@example.org, bob@example.org");
        assertThat(m.headers()).doesNotContainKey("Bcc");
        assertThat(m.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());
        String raw = new String(m.raw(), StandardCharsets.US_ASCII);
        assertThat(raw)
                .contains("\r\nSubject: ")
                .contains("Content-Type: multipart/")
                .contains("\r\n\r\n");
        assertThat(raw).doesNotContain("Bcc:");
    }

    @Test
    void twoMailsOverOneConnectionAreTwoMessages() throws Exception {
        Session session = session(mail.smtpPort());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (String subject : List.of("one", "two")) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom("lifeline@localhost");
                m.setRecipients(Message.RecipientType.TO, "carol@example.org");
                m.setSubject(subject);
                m.setText("body " + subject);
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        assertThat(mail.awaitCount(2, Duration.ofSeconds(10))).isTrue();
        assertThat(mail.messages()).extracting(CapturedMail::subject).containsExactly("one", "two");
        assertThat(mail.awaitCount(3, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void theJsonApiListsAndClearsMessages() throws Exception {
        send(mail.smtpPort(), message(mail.smtpPort(), "Hello \"json\"", "line1\nline2", null));
        assertThat(mail.awaitCount(1, Duration.ofSeconds(10))).isTrue();

        HttpResponse<String> response = get("api/messages");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode list = new ObjectMapper().readTree(response.body());
        assertThat(list).hasSize(1);
        JsonNode m = list.get(0);
        assertThat(m.get("id").asLong()).isPositive();
        assertThat(m.get("from").asText()).isEqualTo("Lifeline <lifeline@localhost>");
        assertThat(m.get("to"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("alice@example.org", "bob@example.org", "hidden@example.org");
        assertThat(m.get("subject").asText()).isEqualTo("Hello \"json\"");
        assertThat(m.get("text").asText()).isEqualTo("line1\nline2");
        assertThat(m.get("html").isNull()).isTrue();
        assertThat(Instant.parse(m.get("receivedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(m.get("headers").get("Subject").asText()).isEqualTo("Hello \"json\"");

        HttpResponse<String> deleted = http.send(
                HttpRequest.newBuilder(URI.create(mail.webUrl() + "api/messages"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(mail.messages()).isEmpty();
        assertThat(get("api/messages").body()).isEqualTo("[]");
    }

    @Test
    void thePagesShowMailToAPersonWithEverythingFromTheMailEscaped() throws Exception {
        send(
                mail.smtpPort(),
                message(
                        mail.smtpPort(),
                        "Check-in <b>missed</b>",
                        "Call <Ana> & Bo",
                        "<p onclick=\"x()\">Please <b>call</b></p><script>alert(1)</script>"));
        assertThat(mail.awaitCount(1, Duration.ofSeconds(10))).isTrue();

        HttpResponse<String> index = get("");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'none'");
        assertThat(index.body())
                .contains("Captured mail (1)")
                .contains("Check-in &lt;b&gt;missed&lt;/b&gt;")
                .contains("Lifeline &lt;lifeline@localhost&gt;")
                .contains("alice@example.org")
                .doesNotContain("<b>missed</b>");
        String link = index.body().replaceAll("(?s).*href=\"/(messages/\\d+)\".*", "$1");

        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<pre>Call &lt;Ana&gt; &amp; Bo</pre>")
                .contains("<iframe sandbox ")
                .contains("srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Please")
                .doesNotContain("<script>")
                .doesNotContain("<p onclick")
                .contains("Message-ID");

        assertThat(get("messages/999999").statusCode()).isEqualTo(404);
        assertThat(get("nothing-here").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(mail.webUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Session session(int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        return Session.getInstance(props);
    }

    static MimeMessage message(int port, String subject, String text, String html) throws Exception {
        MimeMessage m = new MimeMessage(session(port));
        m.setFrom(new InternetAddress("lifeline@localhost", "Lifeline"));
        m.setRecipients(Message.RecipientType.TO, "alice@example.org, bob@example.org");
        m.setRecipients(Message.RecipientType.BCC, "hidden@example.org");
        m.setSubject(subject, "UTF-8");
        if (html == null) {
            m.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            m.setContent(new MimeMultipart("alternative", plain, rich));
        }
        m.saveChanges();
        return m;
    }

    static void send(int port, MimeMessage m) throws Exception {
        Transport.send(m);
    }
}
