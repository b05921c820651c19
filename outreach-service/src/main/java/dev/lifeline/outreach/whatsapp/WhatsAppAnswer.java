package dev.lifeline.outreach.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.outreach.delivery.SendResult;

import java.io.IOException;
import java.util.Set;

/**
 * What a Cloud API answer means for one message. Meta asks integrations to act on the numeric {@code error.code}
 * (the title in {@code message} is to be deprecated), so only codes decide:
 * <ul>
 * <li>throttling (4 app calls, 80007 account, 130429 throughput, 131048 spam rate, 131056 pair rate) and Meta's own
 * trouble (1, 2, 131000 something went wrong, 131016 service unavailable, 133004 server unavailable; and an HTTP
 * 5xx or 429 without a code) are transient: the message is tried again later;</li>
 * <li>131050, the recipient stopped marketing messages from this business, is an opt-out: the message fails and the
 * contact's WhatsApp consent is withdrawn, as an unsubscribe;</li>
 * <li>everything else is permanent for this message: 131026 undeliverable (no WhatsApp account, old app, terms not
 * accepted: not certain enough to withdraw consent), 131047 outside the re-engagement window, 131049 held back by
 * Meta for engagement, 132000/132001/132005/132007/132012/132015/132016 template problems, 131008/131009/100
 * invalid parameters, 0/190/3/10/200 an access token or permission the operator must fix (retrying would not fix
 * it), 131042 payment, 368 policy block.</li>
 * </ul>
 */
public record WhatsAppAnswer(SendResult result, boolean optedOut) {

    static final Set<Integer> TRANSIENT = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 133004);
    static final int OPTED_OUT = 131050;

    private static final ObjectMapper JSON = new ObjectMapper();

    public static WhatsAppAnswer classify(int status, String body) {
        JsonNode json = parse(body);
        if (status == 200) {
            // {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid..."}]}
            String id = json == null
                    ? null
                    : json.path("messages").path(0).path("id").asText(null);
            return new WhatsAppAnswer(new SendResult.Sent(id), false);
        }
        int code = json == null ? 0 : json.path("error").path("code").asInt(0);
        String error = "whatsapp HTTP " + status + (code == 0 ? "" : " code " + code);
        if (code == OPTED_OUT) {
            return new WhatsAppAnswer(
                    new SendResult.Permanent(error + " (recipient stopped marketing messages)", false), true);
        }
        // The code decides when there is one (Meta answers some permanent errors, such as 3, with HTTP 500); without
        // one (a proxy's error page, a broken body) the HTTP status does.
        if (TRANSIENT.contains(code) || (code == 0 && (status == 429 || status >= 500))) {
            return new WhatsAppAnswer(new SendResult.Transient(error), false);
        }
        return new WhatsAppAnswer(new SendResult.Permanent(error, false), false);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
