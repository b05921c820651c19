package dev.lifeline.outreach.sms;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.config.SmsConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What every webhook Twilio calls has in common: a form body, signed with the account's auth token over the exact
 * URL outreach gave Twilio, and the account's SID inside.
 */
final class TwilioWebhook {

    private TwilioWebhook() {}

    /** The parameters of a request that Twilio signed for this account; 403 for anything else. */
    static Map<String, String> verified(SmsConfig sms, String url, String body, String signature) {
        Map<String, String> params = form(body);
        if (!TwilioSignature.valid(sms.twilio().authToken(), url, params, signature)
                || !sms.twilio().accountSid().equals(params.get("AccountSid"))) {
            throw new ProblemException(403, "Forbidden", "The request is not signed by this Twilio account.");
        }
        return params;
    }

    /** The public URL of one of outreach's webhooks, exactly as given to Twilio (the signature covers it). */
    static String url(OutreachConfig config, String path) {
        return config.publicBaseUrl().replaceAll("/+$", "") + path;
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

    static String required(Map<String, String> params, String name, int maxLength) {
        String value = params.get(name);
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw ProblemException.field(400, name, "is required, at most " + maxLength + " characters");
        }
        return value;
    }
}
