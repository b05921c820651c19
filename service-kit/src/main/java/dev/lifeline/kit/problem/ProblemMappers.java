package dev.lifeline.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers every error as RFC 9457 problem JSON. Messages name the offending field and never echo the value sent:
 * values may be contact details, and echoing them would also put them in access logs and proxies.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail =
                errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return Problems.response(400, "Invalid request", detail, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response resteasyViolations(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return JsonProblems.response(e);
    }

    @ServerExceptionMapper
    public Response json(JsonParseException e) {
        return JsonProblems.response(e);
    }

    @ServerExceptionMapper
    public Response json(JsonMappingException e) {
        return JsonProblems.response(e);
    }

    @ServerExceptionMapper
    public Response json(UnrecognizedPropertyException e) {
        return JsonProblems.response(e);
    }

    /**
     * Quarkus REST has its own mappers for exactly these types, which would answer plain JSON echoing the value and
     * without naming the field; priority 1 puts the kit's first.
     */
    @ServerExceptionMapper(priority = 1)
    public Response json(MismatchedInputException e) {
        return JsonProblems.response(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(InvalidFormatException e) {
        return JsonProblems.response(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        JsonProcessingException json = JsonProblems.find(e);
        if (json != null) {
            return JsonProblems.response(json);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.ResponseBuilder answer =
                Response.fromResponse(Problems.response(status, Problems.titleOf(status), null, List.of()));
        if (original != null) {
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> answer.header(name, value));
                }
            });
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        JsonProcessingException json = JsonProblems.find(e);
        if (json != null) {
            return JsonProblems.response(json);
        }
        if (unstorableText(e)) {
            // PostgreSQL cannot store U+0000 (or text not in the database encoding); whichever field, header or path
            // segment carried it, it was the client's input, and nothing was written.
            return Problems.response(
                    400,
                    "Invalid request",
                    "The request contains a character that cannot be stored (U+0000)",
                    List.of(new Problem.FieldError("request", "contains a character that cannot be stored (U+0000)")));
        }
        // Class names and the throwing frame only: messages of SQL or mail errors can carry contact details.
        LOG.errorf("Unhandled %s at %s", classChain(e), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return Problems.response(500, "The request could not be completed. It was not applied.");
    }

    /** SQLSTATE 22021 (character not in repertoire, e.g. NUL) or 22P05 (untranslatable character) in the chain. */
    static boolean unstorableText(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName();
                if (node.getIndex() != null) {
                    names.add("[" + node.getIndex() + "]");
                }
                if (name != null && !name.startsWith("<")) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static String classChain(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }
}
