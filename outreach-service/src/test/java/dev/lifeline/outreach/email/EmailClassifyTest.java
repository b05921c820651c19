package dev.lifeline.outreach.email;

import dev.lifeline.outreach.delivery.SendResult;
import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailClassifyTest {

    private static SMTPException smtp(int code, String text) {
        return new SMTPException("send failed", code, List.of(code + " " + text), false);
    }

    @Test
    void smtpThrottlingAndConnectionTroubleAreRetried() {
        assertThat(EmailSender.classify(new RuntimeException(smtp(421, "4.7.0 Try again later"))))
                .isInstanceOf(SendResult.Transient.class);
        assertThat(EmailSender.classify(new RuntimeException(new ConnectException("refused"))))
                .isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void unknownMailboxIsAHardBounceOtherPermanentErrorsAreNot() {
        assertThat(EmailSender.classify(smtp(550, "5.1.1 User unknown")))
                .isEqualTo(new SendResult.Permanent("SMTP 550", true));
        assertThat(EmailSender.classify(smtp(554, "5.7.1 Message rejected")))
                .isEqualTo(new SendResult.Permanent("SMTP 554", false));
    }
}
