package dev.lifeline.outreach.bounce;

import dev.lifeline.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * SendGrid's Event Webhook: public, trusted only with a valid Signed Event Webhook signature. SendGrid retries what
 * does not answer 2xx, so an unknown message, an event that is no receipt, a replay or a stale event answer 204 as
 * well: only a forged or malformed post is refused. Why no timestamp window: SendGrid retries a failed post for up to
 * a day, and replaying a signed post changes nothing ({@link EmailReceipts}).
 */
@Path(SendGridEventsResource.PATH)
@Tag(name = "Provider callbacks")
public class SendGridEventsResource {

    public static final String PATH = "/webhooks/sendgrid/events";

    @Inject
    SendGridKey key;

    @Inject
    DeliveryRef refs;

    @Inject
    EmailReceipts receipts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "SendGrid Event Webhook (delivered, bounce, dropped, spamreport)")
    @Transactional
    public Response events(
            @HeaderParam("X-Twilio-Email-Event-Webhook-Signature") String signature,
            @HeaderParam("X-Twilio-Email-Event-Webhook-Timestamp") String timestamp,
            byte[] body) {
        if (!key.signature().map(s -> s.valid(timestamp, body, signature)).orElse(false)) {
            throw new ProblemException(403, "Forbidden", "The request is not signed with this SendGrid account's key.");
        }
        List<SendGridEvent> events = SendGridEvent.parse(body);
        for (SendGridEvent event : events) {
            match(event).ifPresent(match -> receipts.record(match, event.receipt(), event.error()));
        }
        return Response.noContent().build();
    }

    /** A reference that does not verify is ignored rather than trusted: it was not minted by this service. */
    private Optional<EmailReceipts.Match> match(SendGridEvent event) {
        if (event.receipt() == null) {
            return Optional.empty();
        }
        if (event.ref() != null) {
            return refs.verify(event.ref()).map(EmailReceipts.Match::of);
        }
        return Optional.ofNullable(event.smtpId()).map(EmailReceipts.Match::ofMessageId);
    }
}
