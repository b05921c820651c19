package dev.lifeline.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.stream.Collectors;

/** Problems for request bodies that are not the JSON the endpoint takes. */
final class JsonProblems {

    private JsonProblems() {}

    static Response response(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)) {
            if (mapping.getPath().isEmpty()) {
                return Problems.response(
                        400,
                        "Invalid request",
                        "The request body is not the expected JSON",
                        List.of(new Problem.FieldError("body", "is not the expected JSON")));
            }
            String field = pathOf(mapping);
            String message = e instanceof UnrecognizedPropertyException
                    ? "is not a known field"
                    : "has the wrong type or format";
            return Problems.response(
                    400, "Invalid request", field + " " + message, List.of(new Problem.FieldError(field, message)));
        }
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return Problems.response(
                400,
                "Malformed JSON",
                "The request body is not valid JSON" + where,
                List.of(new Problem.FieldError("body", "is not valid JSON" + where)));
    }

    static JsonProcessingException find(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return null;
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
