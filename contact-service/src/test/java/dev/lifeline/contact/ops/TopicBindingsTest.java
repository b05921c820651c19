package dev.lifeline.contact.ops;

import dev.lifeline.events.Channels;
import dev.lifeline.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel bindings in application.properties name the topics of the shared contract, nothing else. */
class TopicBindingsTest {

    @Test
    void channelsAreBoundToContractTopics() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("mp.messaging.outgoing." + Channels.OUTBOX + ".topic"))
                .isEqualTo(Topics.CONTACTS);
        assertThat(p.getProperty("mp.messaging.incoming." + Channels.WITHDRAWALS_IN + ".topic"))
                .isEqualTo(Topics.CONSENT_WITHDRAWALS);
        assertThat(p.getProperty("mp.messaging.incoming." + Channels.WITHDRAWALS_IN + ".dead-letter-queue.topic"))
                .isEqualTo(Topics.deadLetter(Topics.CONSENT_WITHDRAWALS));
        assertThat(p.getProperty("lifeline.outbox.topics").split(","))
                .containsExactlyInAnyOrder(Topics.CONTACTS, Topics.TENANTS);
    }
}
