package dev.lifeline.outreach.bounce;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.outreach.config.BounceConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bounces (RFC 3464 DSNs) that the operator's MTA receives at the bounce address and pipes here, raw. Two locks:
 * the pipe's bearer secret says the MTA sent it, and the returned headers' signed {@code X-Lifeline-Ref} says which
 * delivery it is about. The second matters because anyone can mail the bounce address: a DSN naming a delivery
 * without a valid reference (a forgery, another sender's mail, an MTA that returned no headers) changes nothing.
 */
@Path(DsnResource.PATH)
@Tag(name = "Provider callbacks")
public class DsnResource {

    public static final String PATH = "/webhooks/email/dsn";

    @Inject
    BounceConfig config;

    @Inject
    DeliveryRef refs;

    @Inject
    EmailReceipts receipts;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A bounce (RFC 3464 delivery status notification) piped in by the MTA, as message/rfc822")
    public Response bounce(@HeaderParam("Authorization") String authorization, byte[] body) {
        if (!authorized(authorization)) {
            throw new ProblemException(403, "Forbidden", "The request does not carry the DSN pipe's secret.");
        }
        DeliveryStatusNotification dsn = DeliveryStatusNotification.parse(body);
        dsn.receipt()
                .ifPresent(receipt -> refs.verify(dsn.ref())
                        .ifPresent(target -> receipts.record(EmailReceipts.Match.of(target), receipt, dsn.error())));
        return Response.noContent().build();
    }

    private boolean authorized(String authorization) {
        String secret = config.dsn().secret().filter(s -> s.length() >= 16).orElse(null);
        if (secret == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }
}
