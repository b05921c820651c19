package dev.lifeline.kit.inbox;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterGuardTest {

    @Test
    void aDeadLetterChannelWithoutTheReferenceSerializerIsNamed_othersPass() {
        Map<String, String> config = Map.of(
                "mp.messaging.incoming.good-in.failure-strategy",
                "dead-letter-queue",
                "mp.messaging.incoming.good-in.dead-letter-queue.value.serializer",
                DeadLetterReference.class.getName(),
                "mp.messaging.incoming.leaky-in.failure-strategy",
                "dead-letter-queue",
                "mp.messaging.incoming.leaky-in.dead-letter-queue.value.serializer",
                "org.apache.kafka.common.serialization.StringSerializer",
                "mp.messaging.incoming.unset-in.failure-strategy",
                "dead-letter-queue",
                "mp.messaging.incoming.failing-in.failure-strategy",
                "fail");

        assertThat(DeadLetterGuard.violations(config.keySet(), name -> Optional.ofNullable(config.get(name))))
                .containsExactlyInAnyOrder("leaky-in", "unset-in");
    }
}
