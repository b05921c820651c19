package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.delivery.SendResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Vonage answers HTTP 200 for most outcomes; the message's {@code status} says what happened. */
class VonageClassifyTest {

    private static String answer(String status) {
        return "{\"message-count\":\"1\",\"messages\":[{\"status\":\"" + status + "\",\"error-text\":\"x\"}]}";
    }

    @Test
    void statusZeroIsSentWithTheMessageId() {
        assertThat(VonageSmsProvider.classify(
                        200,
                        "{\"message-count\":\"1\",\"messages\":[{\"to\":\"447700900000\","
                                + "\"message-id\":\"0C000000217B7F02\",\"status\":\"0\"}]}"))
                .isEqualTo(new SendResult.Sent("0C000000217B7F02"));
    }

    @Test
    void throttlingAndPlatformTroubleAreRetried() {
        for (String status : new String[] {"1", "5", "10", "13"}) {
            assertThat(VonageSmsProvider.classify(200, answer(status)))
                    .as(status)
                    .isInstanceOf(SendResult.Transient.class);
        }
        assertThat(VonageSmsProvider.classify(503, "")).isInstanceOf(SendResult.Transient.class);
        assertThat(VonageSmsProvider.classify(429, null)).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void anUnroutableOrBarredNumberIsAHardBounceAndAccountTroubleIsNot() {
        assertThat(VonageSmsProvider.classify(200, answer("7")))
                .isEqualTo(new SendResult.Permanent("vonage HTTP 200 status 7", true));
        assertThat(VonageSmsProvider.classify(200, answer("6")))
                .isEqualTo(new SendResult.Permanent("vonage HTTP 200 status 6", true));
        assertThat(VonageSmsProvider.classify(200, answer("4")))
                .isEqualTo(new SendResult.Permanent("vonage HTTP 200 status 4", false));
        assertThat(VonageSmsProvider.classify(200, answer("9")))
                .isEqualTo(new SendResult.Permanent("vonage HTTP 200 status 9", false));
    }

    @Test
    void anUnreadableAnswerIsAPermanentErrorNotASend() {
        assertThat(VonageSmsProvider.classify(200, "<html>"))
                .isEqualTo(new SendResult.Permanent("vonage HTTP 200", false));
    }
}
