package dev.lifeline.outreach.email;

import dev.lifeline.outreach.delivery.RenderedMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every e-mail carries, whichever path sends it (signed with the business's DKIM key or not): its
 * Message-ID, the references that bring bounces and complaints back, and RFC 8058's one-click unsubscribe pair.
 */
final class MessageHeaders {

    private MessageHeaders() {}

    static Map<String, String> of(String messageId, RenderedMessage message, Map<String, String> tracking) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", messageId);
        headers.putAll(tracking);
        if (message.unsubscribeUrl() != null) {
            headers.put("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return headers;
    }
}
