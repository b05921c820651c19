package dev.lifeline.reliability;

import dev.lifeline.system.RunningSystem;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** How many records every dead-letter topic ({@code *.dlq}) has received, whoever wrote them. */
final class DeadLetters {

    private DeadLetters() {}

    /**
     * Records per dead-letter topic so far: the sum of its partitions' end offsets (dead letters are never compacted,
     * and the suite is far inside their retention, so two counts tell what arrived in between).
     */
    static Map<String, Long> counts(RunningSystem system) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).values().stream()
                    .flatMap(List::stream)
                    .filter(info -> info.topic().endsWith(".dlq"))
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.endOffsets(partitions, Duration.ofSeconds(30))
                    .forEach((partition, end) -> counts.merge(partition.topic(), end, Long::sum));
        }
        return counts;
    }

    /** What arrived between two counts, per topic; topics that got nothing are left out. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> arrived = new TreeMap<>();
        after.forEach((topic, count) -> {
            long added = count - before.getOrDefault(topic, 0L);
            if (added != 0) {
                arrived.put(topic, added);
            }
        });
        return arrived;
    }
}
