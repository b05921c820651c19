package dev.lifeline.contact.optin;

import dev.lifeline.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 problem with Retry-After. */
public class TooManyRequestsMapper {

    @ServerExceptionMapper
    public Response tooMany(CaptureService.TooManyRequests e) {
        return Response.fromResponse(Problems.response(
                        429, "Too many sign-ups from here; try again in " + e.retryAfterSeconds + " s"))
                .header("Retry-After", e.retryAfterSeconds)
                .build();
    }
}
