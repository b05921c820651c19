package dev.lifeline.contact.consent;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.events.outreach.ConsentRestored;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class WithdrawalConsumerTest {

    @InjectLocalStack
    LocalStack stack;

    private void send(String key, String eventId, String type, String data) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CONSENT_WITHDRAWALS, key, data);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/lifeline/outreach-service".getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static List<String> actions(Api.TenantKey tenant, String id) {
        return tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .path("events.action");
    }

    @Test
    void anUnsubscribeLandsInTheLedgerOnceAndAPoisonRecordGoesToTheDlq() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        String id = tenant.as()
                .body(Api.ada("unsub@example.com"))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String poisonKey = UUID.randomUUID().toString();
        send(poisonKey, UUID.randomUUID().toString(), "dev.lifeline.consent.withdrawn", "{not json");

        String eventId = UUID.randomUUID().toString();
        String data = EventCodec.encode(new ConsentWithdrawn(
                tenant.tenantId(),
                id,
                ContactChannel.EMAIL,
                WithdrawalReason.UNSUBSCRIBE,
                Instant.parse("2026-03-05T18:00:00Z"),
                "203.0.113.9",
                "Mail/1.0"));
        send(id, eventId, "dev.lifeline.consent.withdrawn", data);
        send(id, eventId, "dev.lifeline.consent.withdrawn", data); // redelivery

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!actions(tenant, id).contains("withdrawn") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        tenant.as()
                .get("/api/v1/contacts/" + id + "/consents")
                .then()
                .body("current.email", Matchers.equalTo("withdrawn"))
                .body("events.action", Matchers.equalTo(List.of("granted", "withdrawn")))
                .body("events[1].source", Matchers.equalTo("unsubscribe"))
                .body("events[1].ip", Matchers.equalTo("203.0.113.9"))
                .body("events[1].userAgent", Matchers.equalTo("Mail/1.0"));

        assertThat(TopicReader.await(
                        stack.kafka().bootstrapServers(),
                        Topics.deadLetter(Topics.CONSENT_WITHDRAWALS),
                        r -> poisonKey.equals(r.key()),
                        1))
                .hasSize(1);
        // A withdrawal naming another tenant's contact changes nothing.
        Api.TenantKey other = Api.newTenant();
        send(
                id,
                UUID.randomUUID().toString(),
                "dev.lifeline.consent.withdrawn",
                EventCodec.encode(new ConsentWithdrawn(
                        other.tenantId(),
                        id,
                        ContactChannel.SMS,
                        WithdrawalReason.HARD_BOUNCE,
                        Instant.now(),
                        null,
                        null)));
        Thread.sleep(1000);
        assertThat(actions(tenant, id)).containsExactly("granted", "withdrawn");
    }

    @Test
    void aTextedStartConfirmsSmsAgainOnlyAfterATextedStop() throws Exception {
        Api.TenantKey tenant = Api.newTenant();
        Map<String, Object> sms = new HashMap<>(Api.ada("start-" + Api.unique() + "@example.com"));
        sms.put("consents", Map.of("email", true, "sms", true));
        String texted = tenant.as()
                .body(sms)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        sms.put("email", "start-" + Api.unique() + "@example.com");
        sms.put("phone", "+49 151 87654321");
        String linked = tenant.as()
                .body(sms)
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        withdraw(tenant, texted, WithdrawalReason.TEXTED_STOP);
        withdraw(tenant, linked, WithdrawalReason.UNSUBSCRIBE);
        awaitActions(tenant, texted, "withdrawn");
        awaitActions(tenant, linked, "withdrawn");
        String restoredId = UUID.randomUUID().toString();
        String restored =
                EventCodec.encode(new ConsentRestored(tenant.tenantId(), texted, ContactChannel.SMS, Instant.now()));
        send(texted, restoredId, "dev.lifeline.consent.restored", restored);
        send(texted, restoredId, "dev.lifeline.consent.restored", restored); // redelivery
        send(
                linked,
                UUID.randomUUID().toString(),
                "dev.lifeline.consent.restored",
                EventCodec.encode(new ConsentRestored(tenant.tenantId(), linked, ContactChannel.SMS, Instant.now())));

        awaitActions(tenant, texted, "confirmed");
        tenant.as()
                .get("/api/v1/contacts/" + texted + "/consents")
                .then()
                .body("current.sms", Matchers.equalTo("confirmed"))
                .body("events.source", Matchers.hasItems("texted-stop", "texted-start"));
        // The START about the other contact left its unsubscribe alone: an e-mail unsubscribe sent after it on the
        // same key (so read after it) is in the ledger, and no confirmation is.
        send(
                linked,
                UUID.randomUUID().toString(),
                "dev.lifeline.consent.withdrawn",
                EventCodec.encode(new ConsentWithdrawn(
                        tenant.tenantId(),
                        linked,
                        ContactChannel.EMAIL,
                        WithdrawalReason.UNSUBSCRIBE,
                        Instant.now(),
                        null,
                        null)));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (actions(tenant, linked).stream().filter("withdrawn"::equals).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(actions(tenant, linked).stream().filter("withdrawn"::equals)).hasSize(2);
        assertThat(actions(tenant, texted).stream().filter("confirmed"::equals)).hasSize(1);
        tenant.as()
                .get("/api/v1/contacts/" + linked + "/consents")
                .then()
                .body("current.sms", Matchers.equalTo("withdrawn"));
        assertThat(actions(tenant, linked)).doesNotContain("confirmed");
    }

    private void withdraw(Api.TenantKey tenant, String id, WithdrawalReason reason) throws Exception {
        send(
                id,
                UUID.randomUUID().toString(),
                "dev.lifeline.consent.withdrawn",
                EventCodec.encode(new ConsentWithdrawn(
                        tenant.tenantId(), id, ContactChannel.SMS, reason, Instant.now(), null, null)));
    }

    private static void awaitActions(Api.TenantKey tenant, String id, String action) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!actions(tenant, id).contains(action) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(actions(tenant, id)).contains(action);
    }
}
