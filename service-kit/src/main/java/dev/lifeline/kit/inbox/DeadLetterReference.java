package dev.lifeline.kit.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The value serializer of every dead-letter producer (set for all channels in the kit's
 * {@code META-INF/microprofile-config.properties}): a dead-lettered record keeps ids only. Its value becomes a
 * reference to the original (source topic, partition, offset), the CloudEvent id and type and the reason; the
 * original value, and the headers that can quote it, are dropped.
 * <p>
 * Why: a poison record may hold a contact's name, e-mail or phone. Erasure removes a contact from every database and
 * compacts it off {@code contacts.v1} with a tombstone, but a copy on a {@code *.dlq} topic would be reached by
 * neither. With this, the original lives only where it was produced, under the source topic's own retention and
 * compaction, and the reference finds it there while it still exists.
 */
public class DeadLetterReference implements Serializer<Object> {

    /** Headers that carry the original bytes or a parser's message, which can quote them. */
    static final List<String> DROPPED_HEADERS = List.of(
            "deserialization-failure-data",
            "deserialization-failure-key-data",
            "deserialization-failure-reason",
            "deserialization-failure-cause",
            "dead-letter-cause");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public byte[] serialize(String topic, Object data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        ObjectNode reference = JSON.createObjectNode();
        reference.put("withheld", "the original value is kept only on its source topic; see source");
        ObjectNode source = reference.putObject("source");
        source.put("topic", header(headers, "dead-letter-topic"));
        source.put("partition", header(headers, "dead-letter-partition"));
        source.put("offset", header(headers, "dead-letter-offset"));
        reference.put("ceId", header(headers, "ce_id"));
        reference.put("ceType", header(headers, "ce_type"));
        reference.put("reason", header(headers, "dead-letter-reason"));
        reference.put("originalBytes", length(data));
        if (headers != null) {
            DROPPED_HEADERS.forEach(headers::remove);
        }
        return reference.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int length(Object data) {
        if (data == null) {
            return 0;
        }
        if (data instanceof byte[] bytes) {
            return bytes.length;
        }
        return String.valueOf(data).getBytes(StandardCharsets.UTF_8).length;
    }
}
