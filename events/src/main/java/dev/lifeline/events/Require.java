package dev.lifeline.events;

import java.util.List;
import java.util.Map;

/** Checks shared by the event records' constructors: a record that exists is a valid record. */
public final class Require {

    private Require() {}

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("'" + field + "' is required");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("'" + field + "' is required");
        }
        return value;
    }

    public static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    public static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }
}
