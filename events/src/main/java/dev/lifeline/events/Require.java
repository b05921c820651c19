package dev.lifeline.events;

/** Checks shared by the event records' constructors: a record that exists is a valid record. */
public final class Require {

    private Require() {
    }

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

    public static <T> java.util.List<T> list(java.util.List<T> value) {
        return value == null ? java.util.List.of() : java.util.List.copyOf(value);
    }

    public static <K, V> java.util.Map<K, V> map(java.util.Map<K, V> value) {
        return value == null ? java.util.Map.of() : java.util.Map.copyOf(value);
    }
}
