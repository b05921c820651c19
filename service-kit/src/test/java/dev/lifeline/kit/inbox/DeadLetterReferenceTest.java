package dev.lifeline.kit.inbox;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterReferenceTest {

    private static final String ORIGINAL =
            "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"phone\":\"+4915112345678\"}";

    @Test
    void theDeadLetterValueNamesTheOriginalButHoldsNoneOfIt() {
        Headers headers = new RecordHeaders();
        add(headers, "ce_id", "evt-1");
        add(headers, "ce_type", "dev.lifeline.contact.upserted");
        add(headers, "dead-letter-topic", "contacts.v1");
        add(headers, "dead-letter-partition", "2");
        add(headers, "dead-letter-offset", "41");
        add(headers, "dead-letter-reason", "Event data is not a valid ContactUpserted: field 'tenantId'");
        add(headers, "dead-letter-cause", "Unrecognized token 'ada@example.com'");
        add(headers, "deserialization-failure-data", ORIGINAL);
        add(headers, "deserialization-failure-reason", "cannot parse " + ORIGINAL);

        String value = new String(
                new DeadLetterReference().serialize("contacts.v1.dlq", headers, ORIGINAL), StandardCharsets.UTF_8);

        assertThat(value)
                .contains(
                        "\"topic\":\"contacts.v1\"",
                        "\"partition\":\"2\"",
                        "\"offset\":\"41\"",
                        "\"ceId\":\"evt-1\"",
                        "\"ceType\":\"dev.lifeline.contact.upserted\"",
                        "field 'tenantId'",
                        "\"originalBytes\":" + ORIGINAL.getBytes(StandardCharsets.UTF_8).length);
        assertThat(value).doesNotContain("Ada", "ada@example.com", "+4915112345678");
        StringBuilder left = new StringBuilder();
        headers.forEach(h -> left.append(h.key())
                .append('=')
                .append(new String(h.value(), StandardCharsets.UTF_8))
                .append('\n'));
        assertThat(left.toString()).doesNotContain("ada@example.com").contains("dead-letter-reason=");
    }

    @Test
    void aRecordWithoutHeadersOrValueStillGetsAReference() {
        String value = new String(new DeadLetterReference().serialize("x.dlq", null), StandardCharsets.UTF_8);
        assertThat(value).contains("\"originalBytes\":0", "\"source\"");
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
