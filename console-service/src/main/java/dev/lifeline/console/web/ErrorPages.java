package dev.lifeline.console.web;

import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.team.OwnerOnlyException;
import io.quarkus.qute.Template;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure is a page a person can read; never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;

    public ErrorPages(Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejectedException e) {
        return page(
                403,
                "This form has expired",
                "The page was open too long or came from another site. Go back, reload the page and try again.");
    }

    @ServerExceptionMapper
    public Response ownerOnly(OwnerOnlyException e) {
        return page(
                403,
                "Only an owner can do this",
                "Your role in this business is staff: contacts, imports, campaigns, outages and the dashboard are"
                        + " yours; settings, API keys and the team are the owners'. Ask an owner if this needs changing.");
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyAttemptsException e) {
        long minutes = Math.max(1, (e.retryAfter().toSeconds() + 59) / 60);
        return Response.fromResponse(page(
                        429,
                        "Too many attempts",
                        "For your safety, sign-in is paused. Try again in " + minutes + " minute"
                                + (minutes == 1 ? "" : "s") + "."))
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found", "There is no page at this address.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 405 || status == 415 || status == 400) {
            return page(status, "That did not work", "The request was not understood. Go back and try again.");
        }
        return page(status, "That did not work", "Go back and try again.");
    }

    /** A service behind a page that has no mapper of its own is away: say so, as the pages with one do. */
    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warnf("A console page without a service: %s", e.getMessage());
        return page(
                503,
                "This page is not available right now",
                "A part of Lifeline is not answering. Try again in a minute.");
    }

    /** A form body that is not URL-encoding (a "%" without two hex digits) is the sender's mistake, not ours. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("Failed to decode")) {
            return unexpected(e);
        }
        return page(400, "That did not work", "The form could not be read. Go back and try again.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure rendering a console page", e);
        return page(500, "Something went wrong on our side", "Please try again in a moment.");
    }

    private Response page(int status, String title, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("title", title)
                        .data("message", message)
                        .data("status", status)
                        .render())
                .build();
    }
}
