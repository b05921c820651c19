package dev.lifeline.reliability;

import dev.lifeline.events.Topics;
import dev.lifeline.localstack.TopicReader;
import dev.lifeline.system.RunningSystem;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What any subscriber sees of one platform's outages on {@code platform-outages.v1}, read from the beginning. */
final class OutageEvents {

    static final String STARTED = "dev.lifeline.outage.started";
    static final String RESOLVED = "dev.lifeline.outage.resolved";

    private OutageEvents() {}

    /** The CloudEvents types of every event of the platform, in order, up to the topic's end as of now. */
    static List<String> types(RunningSystem system, String platformId) {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicReader.toEnd(
                system.stack.kafka().bootstrapServers(), Topics.PLATFORM_OUTAGES, Duration.ofMinutes(1))) {
            String type = TopicReader.header(record, "ce_type");
            if (platformId.equals(record.key()) && type != null) {
                types.add(type);
            }
        }
        return types;
    }

    static long count(RunningSystem system, String platformId, String type) {
        return types(system, platformId).stream().filter(type::equals).count();
    }

    /** Waits until at least one event of the type is on the topic for the platform. */
    static void await(RunningSystem system, String platformId, String type, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (count(system, platformId, type) == 0) {
            assertThat(Instant.now())
                    .as("no " + type + " for " + platformId + " within " + timeout)
                    .isBefore(deadline);
            Business.sleep(Duration.ofSeconds(1));
        }
    }
}
