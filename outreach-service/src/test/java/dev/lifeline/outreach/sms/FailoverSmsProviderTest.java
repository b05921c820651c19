package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.delivery.SendResult;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverSmsProviderTest {

    private final List<String> calls = new ArrayList<>();
    private Instant now = Instant.parse("2024-03-05T15:00:00Z");
    private Supplier<SendResult> firstAnswers = () -> new SendResult.Sent("SM1");

    private final SmsProvider first = (to, body) -> {
        calls.add("first");
        return firstAnswers.get();
    };
    private final SmsProvider second = (to, body) -> {
        calls.add("second");
        return new SendResult.Sent("V1");
    };
    private final FailoverSmsProvider provider =
            new FailoverSmsProvider(first, second, Duration.ofSeconds(30), new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void aHealthyFirstProviderSendsEverything() {
        assertThat(provider.send("+4915112345678", "hi")).isEqualTo(new SendResult.Sent("SM1"));
        assertThat(calls).containsExactly("first");
    }

    @Test
    void aThrottledOrFailingFirstProviderHandsTheMessageToTheSecond() {
        firstAnswers = () -> new SendResult.Transient("twilio HTTP 429 code 20429");
        assertThat(provider.send("+4915112345678", "hi")).isEqualTo(new SendResult.Sent("V1"));
        assertThat(calls).containsExactly("first", "second");
    }

    @Test
    void anAccountLevelRefusalOfTheFirstAlsoFailsOver() {
        firstAnswers = () -> new SendResult.Permanent("twilio HTTP 401 code 20003", false);
        assertThat(provider.send("+4915112345678", "hi")).isEqualTo(new SendResult.Sent("V1"));
    }

    @Test
    void aBadOrOptedOutNumberIsNeverOfferedToTheSecond() {
        firstAnswers = () -> new SendResult.Permanent("twilio HTTP 400 code 21610", true);
        assertThat(provider.send("+4915112345678", "hi"))
                .isEqualTo(new SendResult.Permanent("twilio HTTP 400 code 21610", true));
        assertThat(calls).containsExactly("first");
    }

    @Test
    void afterAFailureTheSecondSendsAloneForTheCoolDownThenTheFirstIsTriedAgain() {
        firstAnswers = () -> new SendResult.Transient("twilio HTTP 503");
        provider.send("+4915112345678", "one");
        firstAnswers = () -> new SendResult.Sent("SM2");
        now = now.plusSeconds(29);
        provider.send("+4915112345678", "two");
        assertThat(calls).containsExactly("first", "second", "second");
        now = now.plusSeconds(2);
        assertThat(provider.send("+4915112345678", "three")).isEqualTo(new SendResult.Sent("SM2"));
        assertThat(calls).containsExactly("first", "second", "second", "first");
    }

    @Test
    void whenBothFailTheFirstProvidersAnswerDecidesTheRetry() {
        SmsProvider failing = (to, body) -> new SendResult.Transient("vonage status 1");
        FailoverSmsProvider both = new FailoverSmsProvider(
                (to, body) -> new SendResult.Transient("twilio HTTP 503"), failing, Duration.ZERO, Clock.systemUTC());
        assertThat(both.send("+4915112345678", "hi")).isEqualTo(new SendResult.Transient("twilio HTTP 503"));
    }
}
