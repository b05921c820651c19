package dev.lifeline.outreach;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lifeline.kit.problem.Problem;
import dev.lifeline.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quarkus REST's own mapper for a value of the wrong format (e.g. an unknown enum constant) is more specific than
 * the kit's JSON mapper and answers plain JSON that echoes the value; this answers an RFC 9457 problem naming the field.
 */
public class JsonInputProblems {

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return problem(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        return problem(e);
    }

    private static Response problem(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "body";
        }
        String message = "has the wrong type or format";
        return Problems.response(400, "Invalid request", field + " " + message, List.of(new Problem.FieldError(field, message)));
    }
}
