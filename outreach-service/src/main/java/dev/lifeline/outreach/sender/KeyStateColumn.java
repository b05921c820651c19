package dev.lifeline.outreach.sender;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Key states are lower case in the table, like the other states of this schema. */
@Converter(autoApply = true)
public class KeyStateColumn implements AttributeConverter<KeyState, String> {

    @Override
    public String convertToDatabaseColumn(KeyState state) {
        return state == null ? null : state.id();
    }

    @Override
    public KeyState convertToEntityAttribute(String id) {
        return id == null ? null : KeyState.of(id);
    }
}
