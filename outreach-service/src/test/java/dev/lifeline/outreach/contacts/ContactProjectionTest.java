package dev.lifeline.outreach.contacts;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.outreach.Db;
import dev.lifeline.outreach.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ContactProjectionTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    DataSource db;

    KafkaCompanion kafka;
    String tenant;

    @BeforeEach
    void setUp() {
        kafka = TestBus.companion(stack.kafka().bootstrapServers());
        tenant = "t-" + TestBus.uid();
    }

    private String email(String contactId) {
        return Db.string(db, "select email from outreach_contact where contact_id = ?", contactId);
    }

    @Test
    void redeliveredAndOlderEventsChangeNothing() {
        String id = "c-" + TestBus.uid();
        ContactUpserted v2 = TestBus.contact(tenant, id, 2, "v2@example.com", ConsentStatus.CONFIRMED);
        String eventId = TestBus.send(kafka, Topics.CONTACTS, v2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "v2@example.com".equals(email(id)));

        // The same event again, then an older version with another address.
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                id,
                eventId,
                EventTypes.CONTACT_UPSERTED,
                EventCodec.encode(TestBus.contact(tenant, id, 2, "replayed@example.com", ConsentStatus.CONFIRMED)));
        String stale = TestBus.send(
                kafka, Topics.CONTACTS, TestBus.contact(tenant, id, 1, "v1@example.com", ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.processed(db, stale));
        assertThat(email(id)).isEqualTo("v2@example.com");

        TestBus.send(kafka, Topics.CONTACTS, TestBus.contact(tenant, id, 3, "v3@example.com", ConsentStatus.WITHDRAWN));
        await().atMost(Duration.ofSeconds(30)).until(() -> "v3@example.com".equals(email(id)));
        assertThat(Db.string(db, "select email_consent from outreach_contact where contact_id = ?", id))
                .isEqualTo("withdrawn");
    }

    @Test
    void aBurstOfUpsertsFromAnImportLeavesEveryContactAtItsNewestVersion() {
        int contacts = 300;
        for (int i = 0; i < contacts; i++) {
            String id = "burst-" + i + "-" + tenant;
            TestBus.send(
                    kafka,
                    Topics.CONTACTS,
                    TestBus.contact(tenant, id, 1, "old" + i + "@example.com", ConsentStatus.NONE));
            TestBus.send(
                    kafka,
                    Topics.CONTACTS,
                    TestBus.contact(tenant, id, 2, "new" + i + "@example.com", ConsentStatus.CONFIRMED));
        }
        // A stale version after the newest, as a redelivery would bring it, changes nothing.
        String stale = TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(tenant, "burst-0-" + tenant, 1, "stale@example.com", ConsentStatus.NONE));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.processed(db, stale)
                        && contacts
                                == Db.count(
                                        db,
                                        "select count(*) from outreach_contact where tenant_id = ? "
                                                + "and email_consent = 'confirmed' and email like 'new%'",
                                        tenant));
        assertThat(email("burst-0-" + tenant)).isEqualTo("new0@example.com");
    }

    @Test
    void erasureAndTombstonePurgeEveryTrace() {
        String id = "c-" + TestBus.uid();
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                TestBus.contact(tenant, id, 1, "erase-me@example.com", ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> email(id) != null);

        String erased = TestBus.send(kafka, Topics.CONTACTS, new ContactErased(tenant, id, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.processed(db, erased));
        assertThat(Db.count(db, "select count(*) from outreach_contact where contact_id = ?", id))
                .isZero();

        // A contact that only ever arrives as a tombstone (e.g. after compaction) is purged too.
        String id2 = "c-" + TestBus.uid();
        TestBus.send(
                kafka, Topics.CONTACTS, TestBus.contact(tenant, id2, 1, "tomb@example.com", ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> email(id2) != null);
        TestBus.send(kafka, Topics.CONTACTS, id2, null, null, null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "select count(*) from outreach_contact where contact_id = ?", id2) == 0);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAsIdsOnlyAndTheConsumerKeepsGoing() {
        String id = "c-" + TestBus.uid();
        String leaked = "leak-" + id + "@example.com";
        TestBus.send(
                kafka,
                Topics.CONTACTS,
                id,
                "bad-" + id,
                EventTypes.CONTACT_UPSERTED,
                "{\"tenantId\": 42, \"email\": \"" + leaked + "\", \"oops\"");
        TestBus.send(kafka, Topics.CONTACTS, id, "bad2-" + id, "dev.lifeline.unknown", "{}");
        TestBus.send(
                kafka, Topics.CONTACTS, TestBus.contact(tenant, id, 1, "after@example.com", ConsentStatus.CONFIRMED));
        await().atMost(Duration.ofSeconds(30)).until(() -> "after@example.com".equals(email(id)));

        ConsumerRecord<String, String> dead = TestBus.awaitRecord(
                kafka,
                Topics.deadLetter(Topics.CONTACTS),
                r -> id.equals(r.key()) && ("bad-" + id).equals(TestBus.header(r, "ce_id")));
        // Ids only: the dead letter names the original (topic, partition, offset, CloudEvent id) and why it failed, but
        // holds none of its data, which erasure could not reach there.
        assertThat(dead.value())
                .contains("\"topic\":\"contacts.v1\"", "\"offset\"", "\"ceId\":\"bad-" + id + "\"")
                .doesNotContain(leaked, "oops");
        dead.headers()
                .forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8))
                        .as("header " + h.key())
                        .doesNotContain(leaked));
        assertThat(TestBus.header(dead, "dead-letter-reason")).isNotBlank();
        TestBus.awaitRecord(
                kafka,
                Topics.deadLetter(Topics.CONTACTS),
                r -> id.equals(r.key()) && ("bad2-" + id).equals(TestBus.header(r, "ce_id")));
    }
}
