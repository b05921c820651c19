package dev.lifeline.reliability;

import dev.lifeline.events.Topics;
import dev.lifeline.system.RunningSystem;
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
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** What any subscriber sees of one platform's outages on {@code platform-outages.v1}, read from the beginning. */
final class OutageEvents {

    static final String STARTED = "dev.lifeline.outage.started";
    static final String RESOLVED = "dev.lifeline.outage.resolved";

    private OutageEvents() {}

    /** The CloudEvents types of every event of the platform, in order, up to the topic's end as of now. */
    static List<String> types(RunningSystem system, String platformId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.PLATFORM_OUTAGES, Duration.ofSeconds(30)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (platformId.equals(record.key()) && type != null) {
                        types.add(new String(type.value(), StandardCharsets.UTF_8));
                    }
                }
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

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }
}
