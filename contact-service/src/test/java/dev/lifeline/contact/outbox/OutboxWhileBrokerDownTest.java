package dev.lifeline.contact.outbox;

import dev.lifeline.contact.support.Api;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import dev.lifeline.localstack.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox guarantee: a 201 while Kafka is down still reaches contacts.v1, complete and in order per contact. */
@QuarkusTest
class OutboxWhileBrokerDownTest {

    @InjectLocalStack
    LocalStack stack;

    @Test
    void contactsAcceptedWhileTheBrokerIsDownAllArriveInOrderAfterItReturns() {
        Api.TenantKey tenant = Api.newTenant();
        List<String> ids = new ArrayList<>();
        stack.kafka().stop();
        try {
            for (int i = 0; i < 5; i++) {
                String id = tenant.as()
                        .body(Map.of("email", "down" + i + "@example.com"))
                        .post("/api/v1/contacts")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                ids.add(id);
                for (int v = 2; v <= 4; v++) {
                    tenant.as()
                            .body(Map.of("name", "Version " + v))
                            .patch("/api/v1/contacts/" + id)
                            .then()
                            .statusCode(200);
                }
            }
        } finally {
            stack.kafka().restart();
        }
        Set<String> keys = Set.copyOf(ids);
        List<ConsumerRecord<String, String>> records =
                TopicReader.await(stack.kafka().bootstrapServers(), Topics.CONTACTS, r -> keys.contains(r.key()), 20);
        assertThat(records).hasSize(20);
        Map<String, List<Long>> versionsPerContact = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        LinkedHashMap::new,
                        Collectors.mapping(
                                r -> EventCodec.decode(r.value(), ContactUpserted.class)
                                        .version(),
                                Collectors.toList())));
        assertThat(versionsPerContact).hasSize(5);
        versionsPerContact.values().forEach(versions -> assertThat(versions).containsExactly(1L, 2L, 3L, 4L));
    }
}
