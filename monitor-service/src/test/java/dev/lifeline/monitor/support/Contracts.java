package dev.lifeline.monitor.support;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;

import java.io.InputStream;
import java.util.Set;

/** Checks what this service put on the topic against the public JSON Schema of its type (from module events). */
public final class Contracts {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Contracts() {}

    public static Set<ValidationMessage> violations(String ceType, String json) throws Exception {
        Class<?> dataClass = EventTypes.dataClass(ceType).orElseThrow();
        try (InputStream in = dataClass.getResourceAsStream(dataClass.getSimpleName() + ".schema.json")) {
            JsonSchema schema = FACTORY.getSchema(
                    in,
                    SchemaValidatorsConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build());
            return schema.validate(EventCodec.mapper().readTree(json));
        }
    }
}
