package dev.lifeline.outreach.bounce;

import dev.lifeline.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryStatusNotificationTest {

    private static final String TO = "jane@example.com";
    private static final String MESSAGE_ID = "<3f1c.9a7e@outreach.lifeline>";
    private static final String REF =
            "0b7e8a52-5a8e-4c61-9f43-8d1f0c2b7a11.6f0d2c1e-2b1a-4d6e-8c3f-1a2b3c4d5e6f.AAAAAAAAAAAAAAAAAAAAAA";

    private static DeliveryStatusNotification parse(String message) {
        return DeliveryStatusNotification.parse(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aPostfixUserUnknownBounceIsAHardBounceOfTheReturnedMessage() {
        DeliveryStatusNotification dsn = parse(DsnFixtures.dsn(DsnFixtures.POSTFIX_USER_UNKNOWN, TO, MESSAGE_ID, REF));
        assertThat(dsn.action()).isEqualTo("failed");
        assertThat(dsn.status()).isEqualTo("5.1.1");
        assertThat(dsn.hardBounce()).isTrue();
        assertThat(dsn.receipt()).contains(EmailReceipt.BOUNCED);
        assertThat(dsn.ref()).isEqualTo(REF);
        assertThat(dsn.error()).isEqualTo("dsn failed 5.1.1").doesNotContain(TO);
    }

    @Test
    void crlfLineEndingsReadTheSame() {
        DeliveryStatusNotification dsn =
                parse(DsnFixtures.crlf(DsnFixtures.dsn(DsnFixtures.POSTFIX_USER_UNKNOWN, TO, MESSAGE_ID, REF)));
        assertThat(dsn.receipt()).contains(EmailReceipt.BOUNCED);
        assertThat(dsn.ref()).isEqualTo(REF);
    }

    @Test
    void gmailsNestedHumanPartDoesNotHideTheReportOrTheReturnedMessage() {
        DeliveryStatusNotification dsn =
                parse(DsnFixtures.dsn(DsnFixtures.GMAIL_ADDRESS_NOT_FOUND, TO, MESSAGE_ID, REF));
        assertThat(dsn.receipt()).contains(EmailReceipt.BOUNCED);
        assertThat(dsn.status()).isEqualTo("5.1.1");
        assertThat(dsn.ref()).isEqualTo(REF);
    }

    @Test
    void anEximRetryTimeoutFailedWithA4xxStatusIsUndeliveredNotAHardBounce() {
        DeliveryStatusNotification dsn = parse(DsnFixtures.dsn(DsnFixtures.EXIM_RETRY_TIMEOUT, TO, MESSAGE_ID, REF));
        assertThat(dsn.action()).isEqualTo("failed");
        assertThat(dsn.hardBounce()).isFalse();
        assertThat(dsn.receipt()).contains(EmailReceipt.UNDELIVERED);
        assertThat(dsn.ref()).as("a folded header is unfolded").isEqualTo(REF);
    }

    @Test
    void aDelayWarningIsNoReceiptAtAll() {
        DeliveryStatusNotification dsn = parse(DsnFixtures.dsn(DsnFixtures.POSTFIX_DELAYED, TO, MESSAGE_ID, REF));
        assertThat(dsn.action()).isEqualTo("delayed");
        assertThat(dsn.receipt()).isEmpty();
    }

    @Test
    void aBounceWithoutTheReturnedHeadersHasNoReference() {
        String dsn = DsnFixtures.dsn(DsnFixtures.POSTFIX_USER_UNKNOWN, TO, MESSAGE_ID, REF);
        String withoutReturned = dsn.substring(
                0,
                dsn.indexOf("--4QxYz1Lk2Tz9sWb.1764669602/mail.lifeline.example\n"
                        + "Content-Description: Undelivered Message Headers"));
        assertThat(parse(withoutReturned).ref()).isNull();
        assertThat(parse(withoutReturned).receipt()).contains(EmailReceipt.BOUNCED);
    }

    @Test
    void whatIsNotAReadableDeliveryStatusNotificationIsRefusedNamingWhatIsWrong() {
        String dsn = DsnFixtures.dsn(DsnFixtures.POSTFIX_USER_UNKNOWN, TO, MESSAGE_ID, REF);
        assertField("", "body");
        assertField("From: a@example.com\nSubject: Out of office\n\nBack on Monday.", "Content-Type");
        assertField(dsn.replace("report-type=delivery-status", "report-type=disposition-notification"), "Content-Type");
        assertField(
                dsn.replace("Content-Type: message/delivery-status", "Content-Type: text/plain"),
                "message/delivery-status");
        assertField(dsn.replace("Action: failed", "Action: exploded"), "Action");
        assertField(dsn.replace("Action: failed", "X-Action: failed"), "Action");
        assertField(dsn.replace("Status: 5.1.1", "Status: five"), "Status");
        assertField(dsn.replace("Status: 5.1.1\n", ""), "Status");
        assertField(
                dsn.replace("boundary=\"4QxYz1Lk2Tz9sWb.1764669602/mail.lifeline.example\"", "charset=us-ascii"),
                "boundary");
        assertField(
                "Content-Type: multipart/report; report-type=delivery-status; boundary=x\n\n\u00ff\u0000--x--",
                "message/delivery-status");
    }

    private static void assertField(String message, String field) {
        assertThatThrownBy(() -> parse(message)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(error -> error.field()).containsExactly(field);
        });
    }
}
