package dev.lifeline.outreach;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.tenant.ApiKeys;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Produces CloudEvents the way the other services do, and sets up tenants with keys. */
public final class TestBus {

    private static KafkaCompanion companion;

    private TestBus() {}

    public static synchronized KafkaCompanion companion(String bootstrap) {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrap);
        }
        return companion;
    }

    /** Sends an event; returns its CloudEvents id. */
    public static String send(KafkaCompanion kafka, String topic, LifelineEvent event) {
        String id = UUID.randomUUID().toString();
        send(kafka, topic, event.partitionKey(), id, event.eventType(), EventCodec.encode(event));
        return id;
    }

    public static void send(KafkaCompanion kafka, String topic, String key, String id, String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        if (id != null) {
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(id));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes("/lifeline/test"));
            headers.add("content-type", bytes("application/json"));
        }
        kafka.produce(String.class, String.class)
                .fromRecords(List.of(new ProducerRecord<>(topic, null, key, data, headers)))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** The first record on the topic (read from the start) that matches; fails after 30 s. */
    public static ConsumerRecord<String, String> awaitRecord(
            KafkaCompanion kafka, String topic, Predicate<ConsumerRecord<String, String>> match) {
        var task = kafka.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic, m -> m.select().where(match).select().first())
                .awaitCompletion(Duration.ofSeconds(30));
        return task.getRecords().get(0);
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A new tenant whose key outreach accepts (it learnt it from tenants.v1); returns the key. */
    public static String newTenant(KafkaCompanion kafka, String tenantId) {
        String key = ApiKeys.generate();
        send(
                kafka,
                Topics.TENANTS,
                new TenantUpserted(
                        tenantId,
                        tenantId,
                        "Shop " + tenantId,
                        "Europe/Berlin",
                        List.of(ApiKeys.hash(key)),
                        1,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RestAssured.given()
                                .auth()
                                .oauth2(key)
                                .get("/api/v1/campaigns")
                                .statusCode()
                        == 200);
        return key;
    }

    public static ContactUpserted contact(
            String tenantId, String contactId, long version, String email, ConsentStatus emailConsent) {
        return new ContactUpserted(
                tenantId,
                contactId,
                version,
                "Ada " + contactId,
                email,
                "+4915112345678",
                "de",
                "Europe/Berlin",
                List.of(),
                List.of(ContactChannel.EMAIL),
                Map.of(ContactChannel.EMAIL, emailConsent),
                Instant.now());
    }

    public static OutageStarted outage(String outageId, String platformId) {
        Instant now = Instant.now();
        return new OutageStarted(
                outageId,
                platformId,
                null,
                Severity.MAJOR,
                OutageSource.PROBE,
                now.minusSeconds(60),
                now,
                null,
                null,
                List.of());
    }

    /**
     * Ends an outage a test opened and waits until outreach has it resolved: a catalogue platform left down would
     * keep its group's channel (WhatsApp) out of every later test's runs.
     */
    public static void resolve(KafkaCompanion kafka, DataSource db, OutageStarted started) {
        send(
                kafka,
                Topics.PLATFORM_OUTAGES,
                new OutageResolved(
                        started.outageId(),
                        started.platformId(),
                        null,
                        OutageSource.PROBE,
                        started.startedAt(),
                        Instant.now(),
                        null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                db,
                                "select count(*) from outage where outage_id = ? and resolved_at is not null",
                                started.outageId())
                        == 1);
    }

    public static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
