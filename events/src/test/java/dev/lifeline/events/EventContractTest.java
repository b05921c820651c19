package dev.lifeline.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static JsonSchema schemaOf(Class<?> dataClass) throws Exception {
        String resource = dataClass.getSimpleName() + ".schema.json";
        try (InputStream in = dataClass.getResourceAsStream(resource)) {
            assertThat(in)
                    .as("schema %s beside %s", resource, dataClass.getName())
                    .isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return FACTORY.getSchema(in, config);
        }
    }

    @Test
    void everyEventTypeHasARecordAndASchemaBesideIt() throws Exception {
        assertThat(EventTypes.all()).hasSize(SampleEvents.all().size());
        for (Class<? extends LifelineEvent> dataClass : EventTypes.all().values()) {
            assertThat(schemaOf(dataClass)).isNotNull();
        }
    }

    @Test
    void everyTypesDataSchemaUriIsTheIdOfTheSchemaPublishedBesideItsRecord() throws Exception {
        for (var type : EventTypes.all().entrySet()) {
            Class<? extends LifelineEvent> dataClass = type.getValue();
            JsonNode schema = EventCodec.mapper()
                    .readTree(dataClass.getResourceAsStream(dataClass.getSimpleName() + ".schema.json"));
            assertThat(EventTypes.dataSchema(type.getKey()))
                    .as(type.getKey())
                    .hasValueSatisfying(uri -> assertThat(uri.toString())
                            .isEqualTo(schema.get("$id").asText()));
        }
        assertThat(EventTypes.dataSchema("dev.lifeline.unknown")).isEmpty();
    }

    @Test
    void everyEncodedEventValidatesAgainstItsSchemaAndDecodesToItself() throws Exception {
        for (LifelineEvent event : SampleEvents.all()) {
            String json = EventCodec.encode(event);
            Set<ValidationMessage> errors =
                    schemaOf(event.getClass()).validate(EventCodec.mapper().readTree(json));
            assertThat(errors).as("%s against its schema", event.eventType()).isEmpty();
            assertThat(EventCodec.decode(event.eventType(), json)).isEqualTo(event);
        }
    }

    @Test
    void schemasRejectEventsWithoutTheirRequiredFields() throws Exception {
        for (LifelineEvent event : SampleEvents.all()) {
            JsonNode schema = EventCodec.mapper()
                    .readTree(event.getClass()
                            .getResourceAsStream(event.getClass().getSimpleName() + ".schema.json"));
            ObjectNode json = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(event));
            json.remove(schema.get("required").get(0).asText());
            assertThat(schemaOf(event.getClass()).validate(json))
                    .as(event.eventType())
                    .isNotEmpty();
            assertThatThrownBy(() -> EventCodec.decode(event.eventType(), json.toString()))
                    .isInstanceOf(MalformedEventException.class);
        }
    }

    @Test
    void datesAreIsoStringsAndEnumsAreLowerCase() {
        String json = EventCodec.encode(SampleEvents.all().get(4));
        assertThat(json)
                .contains("\"startedAt\":\"2024-03-05T15:12:00Z\"")
                .contains("\"severity\":\"major\"")
                .contains("\"source\":\"probe\"");
    }

    @Test
    void consumersIgnoreFieldsAddedByNewerProducers() {
        String json = EventCodec.encode(SampleEvents.all().get(1)).replace("{", "{\"addedLater\":42,");
        assertThat(EventCodec.decode(EventTypes.CONTACT_ERASED, json))
                .isEqualTo(SampleEvents.all().get(1));
    }

    @Test
    void garbageIsAMalformedEventWhoseMessageHidesTheValues() {
        assertThatThrownBy(() -> EventCodec.decode(EventTypes.CONTACT_UPSERTED, "{not json"))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(EventTypes.CONTACT_UPSERTED, ""))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("dev.lifeline.nope", "{}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Unknown event type");
        assertThatThrownBy(() -> EventCodec.decode(
                        EventTypes.CONTACT_UPSERTED,
                        "{\"tenantId\":\"t\",\"contactId\":\"c\",\"updatedAt\":\"secret@example.com\"}"))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("secret@example.com")
                        .contains("'updatedAt'"));
    }

    @Test
    void deadLetterTopicIsNamedAfterItsSource() {
        assertThat(Topics.deadLetter(Topics.CONTACTS)).isEqualTo("contacts.v1.dlq");
    }
}
