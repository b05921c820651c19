package dev.lifeline.monitor.support;

import dev.lifeline.events.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Reads a topic monitor-service writes (platform-outages.v1 unless told otherwise) from the start, as an outside
 * subscriber would, and finds records by key and type.
 */
public final class OutageTopic implements AutoCloseable {

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> task;

    public OutageTopic(String bootstrapServers) {
        this(bootstrapServers, Topics.PLATFORM_OUTAGES);
    }

    public OutageTopic(String bootstrapServers, String topic) {
        companion = new KafkaCompanion(bootstrapServers);
        task = companion
                .consumeStrings()
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .withGroupId("test-" + UUID.randomUUID())
                .fromTopics(topic);
    }

    public ConsumerRecord<String, String> await(String key, String ceType) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !matching(key, ceType).isEmpty());
        return matching(key, ceType).get(0);
    }

    public List<ConsumerRecord<String, String>> matching(String key, String ceType) {
        return task.getRecords().stream()
                .filter(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type")))
                .toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        task.close();
        companion.close();
    }
}
