package dev.lifeline.contact.input;

import dev.lifeline.kit.problem.Problem;
import dev.lifeline.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Domain validation failures become a 400 problem naming the field (never echoing the value). */
public class InvalidFieldMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidFieldException e) {
        return Problems.response(
                400,
                "Bad Request",
                e.field() + " " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }
}
