package dev.lifeline.contact.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lifeline.kit.problem.Problem;
import dev.lifeline.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A value of the wrong JSON type ({@code "tags": "vip"}). Quarkus' own mapper for this exact exception type would
 * otherwise win over the kit's more general one and answer without naming the field.
 */
public class MismatchedInputMapper {

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return Problems.response(400, "Malformed JSON", "The request body is not the expected JSON",
                    List.of(new Problem.FieldError("body", "is not the expected JSON")));
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                ? "is not a known field" : "has the wrong type or format";
        return Problems.response(400, "Invalid request", field + " " + message, List.of(new Problem.FieldError(field, message)));
    }
}
