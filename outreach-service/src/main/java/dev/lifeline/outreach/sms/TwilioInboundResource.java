package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.config.SmsConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * Twilio's incoming-message webhook of the sending number ("A message comes in"): public, trusted only with a valid
 * {@code X-Twilio-Signature}. STOP and START (and their usual synonyms) change SMS consent; anything else is ignored.
 * The answer is an empty TwiML document: Twilio's own opt-out handling sends the carrier-required confirmation, and
 * Lifeline adds no reply of its own.
 */
@Path(TwilioInboundResource.PATH)
@Tag(name = "Provider callbacks")
public class TwilioInboundResource {

    public static final String PATH = "/webhooks/twilio/inbound";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    @Inject
    SmsConfig sms;

    @Inject
    OutreachConfig config;

    @Inject
    SmsOptOuts optOuts;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "Twilio incoming message (STOP / START and synonyms)")
    public String inbound(@HeaderParam("X-Twilio-Signature") String signature, String body) {
        Map<String, String> params = TwilioWebhook.verified(sms, TwilioWebhook.url(config, PATH), body, signature);
        String sid = TwilioWebhook.required(params, "MessageSid", 64);
        String from = TwilioWebhook.required(params, "From", 32);
        TextedKeyword.of(params.get("OptOutType"), params.get("Body"))
                .ifPresent(keyword -> optOuts.apply(sid, from, keyword));
        return EMPTY_TWIML;
    }
}
