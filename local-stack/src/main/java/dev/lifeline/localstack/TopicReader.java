package dev.lifeline.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from its beginning as an outside subscriber would (no consumer group, nothing committed): the one way
 * tests look at what the services published.
 */
public final class TopicReader {

    private TopicReader() {}

    /** Every record of the topic up to its end as of the call, or what arrived before the timeout. */
    public static List<ConsumerRecord<String, String>> toEnd(String bootstrap, String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = fromTheBeginning(consumer, topic, deadline);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Reads from the beginning until {@code count} records match, or the timeout: for events that may still be on
     * their way (an outbox relays them a moment after the change).
     */
    public static List<ConsumerRecord<String, String>> await(
            String bootstrap,
            String topic,
            Predicate<ConsumerRecord<String, String>> match,
            int count,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            Instant deadline = Instant.now().plus(timeout);
            boolean assigned = !fromTheBeginning(consumer, topic, deadline).isEmpty();
            while (assigned && found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** {@link #await(String, String, Predicate, int, Duration)} with a minute to wait, ample on a busy machine. */
    public static List<ConsumerRecord<String, String>> await(
            String bootstrap, String topic, Predicate<ConsumerRecord<String, String>> match, int count) {
        return await(bootstrap, topic, match, count, Duration.ofSeconds(60));
    }

    /** A header's value as text, or null when the record has none by that name. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Assigns every partition of the topic from offset 0, waiting for a topic that does not exist yet. */
    private static List<TopicPartition> fromTheBeginning(
            KafkaConsumer<String, String> consumer, String topic, Instant deadline) {
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty()) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    return partitions;
                }
                sleep(Duration.ofMillis(200));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }
}
