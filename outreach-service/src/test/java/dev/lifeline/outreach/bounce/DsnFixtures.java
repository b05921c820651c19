package dev.lifeline.outreach.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Bounce messages shaped as Postfix, Exim and Gmail send them (src/test/resources/dsn), about one of our e-mails. */
public final class DsnFixtures {

    public static final String POSTFIX_USER_UNKNOWN = "postfix-user-unknown.eml";
    public static final String POSTFIX_DELAYED = "postfix-delayed.eml";
    public static final String EXIM_RETRY_TIMEOUT = "exim-retry-timeout.eml";
    public static final String GMAIL_ADDRESS_NOT_FOUND = "gmail-address-not-found.eml";

    private DsnFixtures() {}

    /** The bounce with the returned message's recipient, Message-ID and X-Lifeline-Ref filled in. */
    public static String dsn(String name, String to, String messageId, String ref) {
        try (InputStream in = DsnFixtures.class.getResourceAsStream("/dsn/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("{{TO}}", to)
                    .replace("{{MESSAGE_ID}}", messageId)
                    .replace("{{REF}}", ref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As an MTA that speaks SMTP line endings passes it on. */
    public static String crlf(String message) {
        return message.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
