package dev.lifeline.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.stream.Collectors;

/**
 * JSON encoding of event data, shared by producers and consumers so that both sides agree on dates and on
 * tolerance: unknown properties are ignored, so a producer may add optional fields without breaking consumers.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventCodec() {}

    public static String encode(LifelineEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode " + event.eventType(), e);
        }
    }

    /** @throws MalformedEventException when the type is unknown or the data do not fit its record */
    public static LifelineEvent decode(String type, String json) {
        Class<? extends LifelineEvent> dataClass = EventTypes.dataClass(type)
                .orElseThrow(() -> new MalformedEventException("Unknown event type '" + type + "'"));
        return decode(json, dataClass);
    }

    public static <T extends LifelineEvent> T decode(String json, Class<T> dataClass) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Event data is empty");
        }
        try {
            T event = MAPPER.readValue(json, dataClass);
            if (event == null) {
                throw new MalformedEventException("Event data is null");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "Event data is not a valid " + dataClass.getSimpleName() + ": " + describe(e));
        }
    }

    /** Names where the data went wrong, never the value found there: event data may hold contact details. */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MalformedEventException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "field '" + field + "' has the wrong type or format";
        }
        return e.getLocation() == null
                ? "not JSON"
                : "not JSON at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
