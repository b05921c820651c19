package dev.lifeline.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document must describe exactly the topics and event types the code uses, and every ref must resolve. */
class AsyncApiDocumentTest {

    private static JsonNode document() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(EventCodec.class.getResourceAsStream("asyncapi.yaml"));
    }

    @Test
    void isAnAsyncApi3DocumentWithInfo() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
    }

    @Test
    void describesEveryTopicAndNoOther() throws Exception {
        Set<String> addresses = new HashSet<>();
        document()
                .path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void describesEveryEventTypeWithItsSchema() throws Exception {
        JsonNode messages = document().path("components").path("messages");
        Set<String> names = new HashSet<>();
        for (JsonNode message : messages) {
            names.add(message.path("name").asText());
            String payloadRef = message.path("payload").path("$ref").asText();
            assertThat(EventCodec.class.getResource(payloadRef))
                    .as("payload %s", payloadRef)
                    .isNotNull();
            Class<?> dataClass =
                    EventTypes.dataClass(message.path("name").asText()).orElseThrow();
            assertThat(payloadRef).endsWith("/" + dataClass.getSimpleName() + ".schema.json");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
    }

    @Test
    void everyLocalReferenceResolves() throws Exception {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode())
                        .as("ref %s", ref)
                        .isFalse();
            } else {
                assertThat(EventCodec.class.getResource(ref)).as("ref %s", ref).isNotNull();
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
