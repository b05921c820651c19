package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.delivery.SendResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioClassifyTest {

    @Test
    void createdMessageCarriesTheTwilioSid() {
        assertThat(TwilioSmsProvider.classify(201, "{\"sid\":\"SM123\",\"status\":\"queued\"}"))
                .isEqualTo(new SendResult.Sent("SM123"));
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        assertThat(TwilioSmsProvider.classify(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"))
                .isInstanceOf(SendResult.Transient.class);
        assertThat(TwilioSmsProvider.classify(503, "")).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void anInvalidOrOptedOutNumberIsAHardBounceOtherErrorsArePermanent() {
        assertThat(TwilioSmsProvider.classify(
                        400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}"))
                .isEqualTo(new SendResult.Permanent("twilio HTTP 400 code 21211", true));
        assertThat(TwilioSmsProvider.classify(400, "{\"code\":21610,\"status\":400}"))
                .isEqualTo(new SendResult.Permanent("twilio HTTP 400 code 21610", true));
        assertThat(TwilioSmsProvider.classify(401, "{\"code\":20003,\"status\":401}"))
                .isEqualTo(new SendResult.Permanent("twilio HTTP 401 code 20003", false));
    }
}
