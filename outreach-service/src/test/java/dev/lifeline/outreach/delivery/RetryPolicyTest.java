package dev.lifeline.outreach.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), waits::add);

    private static Supplier<SendResult> answers(SendResult... results) {
        Iterator<SendResult> it = List.of(results).iterator();
        return it::next;
    }

    @Test
    void throttlingIsRetriedWithGrowingBackoffUntilItIsAccepted() {
        List<String> retried = new ArrayList<>();
        SendResult result = policy.run(
                answers(
                        new SendResult.Transient("SMTP 421"),
                        new SendResult.Transient("SMTP 451"),
                        new SendResult.Transient("SMTP 421"),
                        new SendResult.Sent("id")),
                t -> retried.add(t.error()));
        assertThat(result).isEqualTo(new SendResult.Sent("id"));
        assertThat(retried).containsExactly("SMTP 421", "SMTP 451", "SMTP 421");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void aPermanentAnswerIsNotRetried() {
        SendResult result = policy.run(answers(new SendResult.Permanent("SMTP 554", false)), t -> {});
        assertThat(result).isEqualTo(new SendResult.Permanent("SMTP 554", false));
        assertThat(waits).isEmpty();
    }

    @Test
    void afterTheLastAttemptTheErrorIsRecordedAsFailed() {
        SendResult.Transient t = new SendResult.Transient("SMTP 421");
        SendResult result = policy.run(answers(t, t, t, t, t), x -> {});
        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Permanent.class,
                        p -> assertThat(p.error()).contains("SMTP 421").contains("5 attempts"));
    }
}
