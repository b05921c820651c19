package dev.lifeline.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaTest {

    static LocalKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = LocalKafka.start(0);
    }

    @AfterAll
    static void stopBroker() {
        kafka.stop();
    }

    @Test
    void aRecordProducedIsConsumedFromAnAutoCreatedTopicWithThreePartitions() throws Exception {
        String topic = "produce-consume-" + UUID.randomUUID();
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:").doesNotContain("PLAINTEXT");

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "k1", "hello")).get(30, TimeUnit.SECONDS);
        }

        assertThat(consumeAll(kafka, topic, 1)).containsExactly("hello");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
            assertThat(partitions).isEqualTo(LocalKafka.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void recordsSentWhileTheBrokerIsDownArriveAfterRestartOnTheSamePortAlongsideEarlierOnes() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            // Like a service accepting an event during the outage: the client waits (send() itself may
            // block for metadata) and retries until the broker is back.
            CompletableFuture<RecordMetadata> duringOutage = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return producer.send(new ProducerRecord<>(topic, "k", "during"))
                                    .get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    task -> new Thread(task, "send-during-outage").start());
            Thread.sleep(500);
            assertThat(duringOutage).isNotDone();

            kafka.restart();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            duringOutage.get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, "k", "after")).get(30, TimeUnit.SECONDS);
        } finally {
            if (!kafka.isRunning()) {
                kafka.restart(); // the other tests share this broker
            }
        }

        // Same key, same partition: order is kept.
        assertThat(consumeAll(kafka, topic, 3)).containsExactly("before", "during", "after");
    }

    @Test
    void aGivenLogDirKeepsRecordsForTheNextBrokerOnIt(@TempDir Path dir) throws Exception {
        String topic = "persistent-" + UUID.randomUUID();
        LocalKafka first = LocalKafka.start(0, dir, 1);
        try (KafkaProducer<String, String> producer = producer(first)) {
            producer.send(new ProducerRecord<>(topic, "k", "kept")).get(30, TimeUnit.SECONDS);
        } finally {
            first.stop();
        }

        // A new instance, as in the next local run: new controller port, same cluster id from the dir.
        LocalKafka second = LocalKafka.start(first.port(), dir, 1);
        try {
            assertThat(consumeAll(second, topic, 1)).containsExactly("kept");
        } finally {
            second.stop();
        }
    }

    static KafkaProducer<String, String> producer(LocalKafka kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "90000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "90000");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static List<String> consumeAll(LocalKafka kafka, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
