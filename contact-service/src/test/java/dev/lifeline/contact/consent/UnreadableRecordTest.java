package dev.lifeline.contact.consent;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record the Kafka connector itself cannot deserialize (a structured CloudEvent whose value is not JSON) goes to the
 * dead-letter topic like any poison record, and the consumer goes on: it used to stop the channel for good.
 */
@QuarkusTest
class UnreadableRecordTest {

    @InjectLocalStack
    LocalStack stack;

    private void send(String key, String data, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONSENT_WITHDRAWALS, key, data);
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
    }

    @Test
    void aRecordTheConnectorCannotReadIsDeadLetteredAndTheNextOneIsStillProcessed() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        String id = tenant.as()
                .body(Api.ada("unreadable@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String poisonKey = UUID.randomUUID().toString();
        send(poisonKey, "not json at all", Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
        send(
                id,
                EventCodec.encode(new ConsentWithdrawn(
                        tenant.tenantId(),
                        id,
                        ContactChannel.EMAIL,
                        WithdrawalReason.UNSUBSCRIBE,
                        Instant.now(),
                        null,
                        null)),
                Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        "dev.lifeline.consent.withdrawn",
                        "ce_source",
                        "/lifeline/outreach-service",
                        "content-type",
                        "application/json"));

        long deadline = System.nanoTime() + 30_000_000_000L;
        String email = null;
        while (!"withdrawn".equals(email) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            email = tenant.as()
                    .get("/api/v1/contacts/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("consents.email");
        }
        assertThat(email).isEqualTo("withdrawn");
        assertThat(TopicReader.await(
                        stack.kafka().bootstrapServers(),
                        Topics.deadLetter(Topics.CONSENT_WITHDRAWALS),
                        r -> poisonKey.equals(r.key()),
                        1))
                .hasSize(1);
    }
}
