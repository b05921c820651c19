package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.config.SmsConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
        Map<String, String> params = TwilioWebhook.verified(sms, callbackUrl(config), body, signature);
        String sid = TwilioWebhook.required(params, "MessageSid", 64);
        String status = TwilioWebhook.required(params, "MessageStatus", 64);
        SmsReceipt.of(status, params.get("ErrorCode")).ifPresent(receipt -> receipts.record(sid, receipt));
        return Response.noContent().build();
    }

    /** The URL Twilio calls back, exactly as outreach gives it when sending (the signature covers it). */
    static String callbackUrl(OutreachConfig config) {
        return TwilioWebhook.url(config, PATH);
    }
}
