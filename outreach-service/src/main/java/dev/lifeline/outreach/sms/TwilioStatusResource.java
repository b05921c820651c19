package dev.lifeline.outreach.sms;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.outreach.OutreachConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Twilio's status callback ({@code StatusCallback} of every SMS outreach sends): public, and trusted only with a
 * valid {@code X-Twilio-Signature}. Twilio retries what does not answer 2xx, so an unknown message or a status that
 * is not final answers 204 as well: only a forged or malformed request is refused.
 */
@Path(TwilioStatusResource.PATH)
@Tag(name = "Provider callbacks")
public class TwilioStatusResource {

    public static final String PATH = "/webhooks/twilio/status";

    @Inject
    SmsConfig sms;
    @Inject
    OutreachConfig config;
    @Inject
    SmsReceipts receipts;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Twilio message status callback (delivered, undelivered, failed)")
    public Response status(@HeaderParam("X-Twilio-Signature") String signature, String body) {
        Map<String, String> params = form(body);
        if (!TwilioSignature.valid(sms.twilio().authToken(), callbackUrl(config), params, signature)
                || !sms.twilio().accountSid().equals(params.get("AccountSid"))) {
            throw new ProblemException(403, "Forbidden", "The request is not signed by this Twilio account.");
        }
        String sid = required(params, "MessageSid");
        String status = required(params, "MessageStatus");
        SmsReceipt.of(status, params.get("ErrorCode")).ifPresent(receipt -> receipts.record(sid, receipt));
        return Response.noContent().build();
    }

    /** The URL Twilio calls back, exactly as outreach gives it when sending (the signature covers it). */
    static String callbackUrl(OutreachConfig config) {
        return config.publicBaseUrl().replaceAll("/+$", "") + PATH;
    }

    /**
     * Parsed here rather than by Quarkus REST, whose form reader fails with a server error on broken percent-encoding:
     * a body that is not form encoding is the caller's mistake, a 400.
     */
    static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        try {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!name.isEmpty()) {
                    params.putIfAbsent(name, value);
                }
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.field(400, "body", "is not form encoded (application/x-www-form-urlencoded)");
        }
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank() || value.length() > 64) {
            throw ProblemException.field(400, name, "is required: the id or status of the message, at most 64 characters");
        }
        return value;
    }
}
