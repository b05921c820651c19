package dev.lifeline.console.services;

import java.util.Map;

/**
 * What a service made of a change: the value it answered, or its refusal as messages per field
 * ({@link FieldProblems}); a 404 is a refusal too, under {@link FieldProblems#GENERAL}.
 */
public record Answer<T>(T value, Map<String, String> problems) {

    public static <T> Answer<T> of(T value) {
        return new Answer<>(value, Map.of());
    }

    public static <T> Answer<T> refused(Map<String, String> problems) {
        return new Answer<>(null, problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
