package dev.lifeline.system;

import java.util.Map;

/**
 * A business's sender identity and sending domain (with its DKIM key) in outreach-service: rows a tenant deletion
 * must erase too. Shared by the system tests and the reliability suite, like {@link ServiceTables}.
 */
public final class OutreachSender {

    private OutreachSender() {}

    /** Sets the business's display name and Reply-To, and adds a sending domain; fails unless both are accepted. */
    public static void setUp(String outreachBaseUrl, Map<String, String> auth, String domain) {
        Http.Reply sender = Http.send(
                "PUT",
                outreachBaseUrl + "/api/v1/tenant/sender",
                auth,
                "application/json",
                Http.json(Map.of("displayName", "The shop at " + domain, "replyTo", "hello@" + domain)));
        if (sender.status() != 200) {
            throw new IllegalStateException("sender identity refused: " + sender.raw());
        }
        Http.Reply added =
                Http.post(outreachBaseUrl + "/api/v1/tenant/sending-domains", auth, Map.of("domain", domain));
        if (added.status() != 201) {
            throw new IllegalStateException("sending domain refused: " + added.raw());
        }
    }
}
