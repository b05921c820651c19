package dev.lifeline.reliability;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.localstack.TopicReader;
import dev.lifeline.system.Http;
import dev.lifeline.system.RunningSystem;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison on every topic a service consumes, on every partition, followed by a valid event: each poison record must
 * land on the consumer's dead-letter topic (with the error in its headers), and the valid event after it must still
 * take effect, observed over HTTP as a business would see it.
 * <ul>
 *     <li>{@code tenants.v1} (monitor and outreach, both dead-lettering to {@code tenants.v1.dlq}): a tenant signed up
 *     after the poison has a key that works on both.</li>
 *     <li>{@code contacts.v1} (outreach): a contact created after it is in outreach's dry-run audience.</li>
 *     <li>{@code platform-outages.v1} (outreach and monitor, both dead-lettering to {@code platform-outages.v1.dlq}):
 *     an outage of the business's own platform after it starts a run,</li>
 *     <li>{@code outreach-deliveries.v1} (outreach): whose delivery job, after the poison there, sends the e-mail.</li>
 *     <li>{@code consent-withdrawals.v1} (contact): a withdrawal after it shows in the contact's consent.</li>
 *     <li>{@code monitor-probe-verdicts.v1} (monitor): dead-lettered like the others; the monitor goes on probing.</li>
 * </ul>
 * Poison: bytes that are not JSON, JSON that is not a CloudEvent, a CloudEvent of an unknown type, a CloudEvent of the
 * topic's type whose data has the wrong shape (or, where the consumer checks it, ids that are not UUIDs) and one
 * record of about 900 KB.
 */
@Order(40)
class PoisonRecordsTest {

    static final String DEAD_LETTERED = "poison records dead-lettered";
    static final String DEAD_LETTERS_WITH_DATA = "dead letters holding their record's data";
    private static final Duration WAIT = Duration.ofMinutes(3);

    /** How many consumer groups read each topic, each dead-lettering its own copy of a poison record. */
    private static final Map<String, Integer> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMERS.put(Topics.TENANTS, 2);
        CONSUMERS.put(Topics.CONTACTS, 1);
        CONSUMERS.put(Topics.PLATFORM_OUTAGES, 2);
        CONSUMERS.put(Topics.OUTREACH_DELIVERIES, 1);
        CONSUMERS.put(Topics.CONSENT_WITHDRAWALS, 1);
        CONSUMERS.put(Topics.PROBE_VERDICTS, 1);
    }

    private static final Map<String, String> TYPES = Map.of(
            Topics.TENANTS, EventTypes.TENANT_UPSERTED,
            Topics.CONTACTS, EventTypes.CONTACT_UPSERTED,
            Topics.PLATFORM_OUTAGES, EventTypes.OUTAGE_STARTED,
            Topics.OUTREACH_DELIVERIES, EventTypes.DELIVERY_REQUESTED,
            Topics.CONSENT_WITHDRAWALS, EventTypes.CONSENT_WITHDRAWN,
            Topics.PROBE_VERDICTS, EventTypes.PROBE_VERDICT);

    private final RunningSystem system = SharedSystem.get();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Random random = new Random(BadInputFuzzTest.SEED);

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
        String platform = "custom-poison-" + suffix;
        Business shop = Business.signUp(system, "poison-" + suffix);
        IssuedSecrets.add(shop.apiKey);
        String campaign = shop.emailCampaign(platform);

        // Poison first, on every partition of every consumed topic.
        Map<String, String> expected = new TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : CONSUMERS.keySet()) {
                int partitions = producer.partitionsFor(topic).size();
                for (int partition = 0; partition < partitions; partition++) {
                    for (Poison poison : poisons(topic, partition)) {
                        send(producer, topic, partition, poison);
                        expected.put(poison.key(), topic);
                    }
                }
                Poison huge = huge(topic);
                send(producer, topic, 0, huge);
                expected.put(huge.key(), topic);
            }
            producer.flush();
        }

        // Then a valid event on each topic, observed over HTTP.
        // tenants.v1: a tenant signed up now is known to monitor and outreach.
        Business later = Business.signUp(system, "poisont-" + suffix);
        IssuedSecrets.add(later.apiKey);
        Http.Reply outreachKnows = Business.eventually(
                WAIT,
                () -> Http.get(later.outreach("/api/v1/campaigns"), later.auth()),
                reply -> reply.status() == 200);
        assertThat(outreachKnows.status())
                .as("outreach learnt the tenant signed up after the poison: " + outreachKnows.raw())
                .isEqualTo(200);
        Http.Reply monitorKnows = Business.eventually(
                WAIT,
                () -> Http.get(system.monitor().baseUrl() + "/api/v1/tenant/platforms", later.auth()),
                reply -> reply.status() == 200);
        assertThat(monitorKnows.status())
                .as("monitor learnt the tenant signed up after the poison: " + monitorKnows.raw())
                .isEqualTo(200);

        // contacts.v1: a contact created now reaches outreach's audience.
        Http.Reply contact = Http.post(
                shop.contacts("/api/v1/contacts"),
                shop.auth(),
                Map.of("name", "Poison survivor", "email", shop.email(1), "consents", Map.of("email", true)));
        assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
        String contactId = contact.body().path("id").asText();
        shop.awaitOutreachAudience(campaign, 1, WAIT);

        // platform-outages.v1 and outreach-deliveries.v1: an outage of the business's own platform mails the contact.
        Instant now = Instant.now();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            OutageStarted outage = new OutageStarted(
                    UUID.randomUUID().toString(),
                    platform,
                    shop.tenantId,
                    Severity.MAJOR,
                    OutageSource.PROBE,
                    now.minusSeconds(30),
                    now,
                    null,
                    null,
                    List.of());
            send(producer, Topics.PLATFORM_OUTAGES, null, event(outage));
            producer.flush();
        }
        Inbox.Tally mailed = Inbox.await(system, shop, List.of(shop.email(1)), WAIT);
        assertThat(mailed.missing())
                .as("the outage after the poison was mailed: " + mailed)
                .isEmpty();

        // consent-withdrawals.v1: a withdrawal now is recorded by contact-service.
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(
                    producer,
                    Topics.CONSENT_WITHDRAWALS,
                    null,
                    event(new ConsentWithdrawn(
                            shop.tenantId,
                            contactId,
                            ContactChannel.EMAIL,
                            WithdrawalReason.UNSUBSCRIBE,
                            Instant.now(),
                            null,
                            null)));
            producer.flush();
        }
        Http.Reply withdrawn = Business.eventually(
                WAIT,
                () -> Http.get(shop.contacts("/api/v1/contacts/" + contactId), shop.auth()),
                reply -> reply.status() == 200
                        && "withdrawn"
                                .equals(reply.body()
                                        .path("consents")
                                        .path("email")
                                        .asText()));
        assertThat(withdrawn.body().path("consents").path("email").asText())
                .as(withdrawn.raw())
                .isEqualTo("withdrawn");

        // Every poison record is on its dead-letter topic, once per consumer group, with the reason in the headers.
        Map<String, List<ConsumerRecord<String, byte[]>>> found = deadLettered(expected);
        long copies = found.values().stream().mapToLong(List::size).sum();
        Results.add(DEAD_LETTERED, copies);
        List<String> missing = new ArrayList<>();
        List<String> withoutReason = new ArrayList<>();
        expected.forEach((key, topic) -> {
            List<ConsumerRecord<String, byte[]>> copiesOfKey = found.getOrDefault(key, List.of());
            if (copiesOfKey.size() < CONSUMERS.get(topic)) {
                missing.add(topic + " " + key + " (" + copiesOfKey.size() + " of " + CONSUMERS.get(topic) + " copies)");
            }
            copiesOfKey.stream()
                    .filter(r -> TopicReader.header(r, "dead-letter-reason") == null)
                    .forEach(r -> withoutReason.add(r.topic() + " " + key));
        });
        // Dead letters keep ids only: no copy holds the value it was made from, in its value or its headers.
        List<String> withData = new ArrayList<>();
        found.values()
                .forEach(list -> list.forEach(r -> {
                    StringBuilder seen =
                            new StringBuilder(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
                    r.headers()
                            .forEach(h -> seen.append('\n')
                                    .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
                    if (seen.indexOf(personalMarker()) >= 0
                            || seen.indexOf("this is not JSON {") >= 0
                            || seen.indexOf("\"poison\",\"poison\"") >= 0) {
                        withData.add(r.topic() + " " + r.key());
                    }
                }));
        Results.add(DEAD_LETTERS_WITH_DATA, withData.size());
        System.out.printf(
                "PoisonRecordsTest: %d poison records produced, %d dead-lettered copies found%n",
                expected.size(), copies);
        assertThat(missing).as("poison records not on their dead-letter topic").isEmpty();
        assertThat(withoutReason)
                .as("dead-lettered without the error in the headers")
                .isEmpty();
        assertThat(withData).as("dead letters holding the poison record's data").isEmpty();
    }

    private String personalMarker() {
        return "dlq-" + suffix + "@example.com";
    }

    /** A record to produce: key, value, CloudEvent headers (none for records that are not CloudEvents). */
    record Poison(String key, byte[] value, Map<String, String> headers) {}

    private List<Poison> poisons(String topic, int partition) {
        String type = TYPES.get(topic);
        String base = "poison-" + suffix + "-" + topic + "-" + partition + "-";
        List<Poison> poisons = new ArrayList<>();
        byte[] garbage = new byte[200];
        random.nextBytes(garbage);
        garbage[0] = '#';
        poisons.add(new Poison(base + "bytes", garbage, Map.of()));
        poisons.add(new Poison(base + "text", "this is not JSON {".getBytes(StandardCharsets.UTF_8), Map.of()));
        poisons.add(new Poison(
                base + "json", "{\"hello\":\"world\",\"tenantId\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of()));
        poisons.add(new Poison(
                base + "unknown-type",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                ce("dev.lifeline.nothing.happened")));
        poisons.add(new Poison(base + "shape", "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8), ce(type)));
        // Personal data in a poison record must not reach the dead-letter topic (erasure could not reach it there).
        poisons.add(new Poison(
                base + "personal",
                ("{\"name\":\"Ada\",\"email\":\"" + personalMarker() + "\",\"unexpected\":true}")
                        .getBytes(StandardCharsets.UTF_8),
                ce(type)));
        poisons.add(new Poison(base + "array", "[1,2,3]".getBytes(StandardCharsets.UTF_8), ce(type)));
        poisons.add(new Poison(base + "not-json-ce", "\u0000\u0001 nope".getBytes(StandardCharsets.UTF_8), ce(type)));
        // CloudEvent attributes the connector itself must reject: a binary event without ce_source and ce_type, and a
        // structured event (content-type application/cloudevents+json) whose value is not JSON.
        poisons.add(new Poison(
                base + "ce-incomplete",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString())));
        poisons.add(new Poison(
                base + "ce-structured",
                "not json".getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/cloudevents+json; charset=UTF-8")));
        if (topic.equals(Topics.OUTREACH_DELIVERIES)) {
            poisons.add(new Poison(
                    base + "bad-ids",
                    EventCodec.encode(new DeliveryJob(
                                    UUID.randomUUID().toString(),
                                    "not-a-uuid",
                                    "not-a-uuid",
                                    "c",
                                    ContactChannel.EMAIL))
                            .getBytes(StandardCharsets.UTF_8),
                    ce(type)));
        }
        if (topic.equals(Topics.CONSENT_WITHDRAWALS)) {
            poisons.add(new Poison(
                    base + "bad-ids",
                    EventCodec.encode(new ConsentWithdrawn(
                                    "not-a-uuid",
                                    "' OR 1=1 --",
                                    ContactChannel.EMAIL,
                                    WithdrawalReason.UNSUBSCRIBE,
                                    Instant.now(),
                                    null,
                                    null))
                            .getBytes(StandardCharsets.UTF_8),
                    ce(type)));
        }
        return poisons;
    }

    private Poison huge(String topic) {
        StringBuilder json = new StringBuilder(920_000).append('[');
        while (json.length() < 900_000) {
            json.append("\"poison\",");
        }
        json.append("0]");
        return new Poison(
                "poison-" + suffix + "-" + topic + "-huge",
                json.toString().getBytes(StandardCharsets.UTF_8),
                ce(TYPES.get(topic)));
    }

    private static Map<String, String> ce(String type) {
        return Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                type,
                "ce_source",
                "/lifeline/reliability-tests",
                "content-type",
                "application/json");
    }

    private static Poison event(LifelineEvent event) {
        return new Poison(
                event.partitionKey(), EventCodec.encode(event).getBytes(StandardCharsets.UTF_8), ce(event.eventType()));
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, Integer partition, Poison poison) {
        RecordHeaders headers = new RecordHeaders();
        poison.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(
                            topic, partition, poison.key().getBytes(StandardCharsets.UTF_8), poison.value(), headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + poison.key() + " to " + topic, e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1_000_000));
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Reads every dead-letter topic from the start until each expected key has its copies, or time is up. */
    private Map<String, List<ConsumerRecord<String, byte[]>>> deadLettered(Map<String, String> expected) {
        Set<String> dlqs = new TreeSet<>();
        expected.values().forEach(topic -> dlqs.add(Topics.deadLetter(topic)));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        Map<String, List<ConsumerRecord<String, byte[]>>> found = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(WAIT);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            Set<TopicPartition> assigned = new HashSet<>();
            while (Instant.now().isBefore(deadline)) {
                Set<TopicPartition> partitions = new HashSet<>();
                for (String dlq : dlqs) {
                    var infos = consumer.partitionsFor(dlq, Duration.ofSeconds(10));
                    if (infos != null) {
                        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                    }
                }
                if (!partitions.equals(assigned)) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    assigned = partitions;
                    found.clear();
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.key() != null && expected.containsKey(record.key())) {
                        found.computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add(record);
                    }
                }
                boolean complete = expected.entrySet().stream()
                        .allMatch(e -> found.getOrDefault(e.getKey(), List.of()).size() >= CONSUMERS.get(e.getValue()));
                if (complete) {
                    break;
                }
            }
        }
        return found;
    }
}
